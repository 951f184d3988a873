import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderedValues, orderNames } from "./orders";
import { heapSelect, selectKthLargest, selectKthSmallest } from "./select";

const kthLargestBySort = (values: readonly number[], k: number) => [...values].sort((a, b) => b - a)[k - 1]!;

/** A view of `values` that counts element reads and writes, and gives up past `limit` of them. */
function counted(values: Float64Array, limit: number) {
  const counter = { accesses: 0 };
  const count = () => {
    if (++counter.accesses > limit) throw new Error(`more than ${limit} element accesses`);
  };
  const view = new Proxy(values, {
    get(target, key) {
      if (typeof key === "string" && key !== "length") count();
      return Reflect.get(target, key) as unknown;
    },
    set(target, key, value) {
      count();
      return Reflect.set(target, key, value);
    },
  });
  return { view, counter };
}

describe("selectKthLargest", () => {
  it("agrees with sorting, with ties and every k", () => {
    const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(values, fc.nat(), (list, seed) => {
        const k = (seed % list.length) + 1;
        // + 0: −0 and 0 are the same rank, and either may come back.
        expect(selectKthLargest(Float64Array.from(list), k) + 0).toBe(kthLargestBySort(list, k) + 0);
      }),
    );
  });

  it("agrees with sorting on every adversarial order", () => {
    for (const order of orderNames) {
      for (const n of [1, 2, 3, 10, 101, 1000]) {
        const list = [...orderedValues(order, n)];
        for (const k of new Set([1, 2, Math.ceil(n / 10), Math.ceil(n / 2), n])) {
          if (k > n) continue;
          expect(selectKthLargest(Float64Array.from(list), k), `${order} n=${n} k=${k}`).toBe(kthLargestBySort(list, k));
        }
      }
    }
  });

  // Work is counted in element accesses, not time. Median-of-three on first/middle/last degrades to
  // about n^1.5 on sorted and sawtooth input; the bound here is O(n log n), which the heap fallback
  // guarantees for any input.
  const n = 1 << 15;
  const bound = 4 * n * Math.log2(n);
  for (const order of orderNames) {
    it(`does O(n log n) work or less on ${order} input (n = 2^15, four ranks)`, () => {
      for (const k of [1, Math.floor(n / 10) + 1, n / 2, n]) {
        const values = orderedValues(order, n);
        const expected = kthLargestBySort([...values], k);
        const { view, counter } = counted(values, bound);
        expect(selectKthLargest(view, k), `k=${k}`).toBe(expected);
        expect(counter.accesses).toBeLessThanOrEqual(bound);
      }
    });
  }

  it("refuses k outside [1, n]", () => {
    expect(() => selectKthLargest(Float64Array.from([1, 2]), 0)).toThrow(RangeError);
    expect(() => selectKthLargest(Float64Array.from([1, 2]), 3)).toThrow(RangeError);
    expect(() => selectKthLargest(Float64Array.from([1, 2]), 1.5)).toThrow(RangeError);
  });
});

describe("the heap fallback", () => {
  it("finds any rank of any range, and takes over when the work budget runs out", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), fc.nat(), (list, a, b, r) => {
        const left = a % list.length;
        const right = left + (b % (list.length - left));
        const target = left + (r % (right - left + 1));
        const expected = list.slice(left, right + 1).sort((x, y) => x - y)[target - left];
        expect(heapSelect(Float64Array.from(list), left, right, target)).toBe(expected);
        // A zero budget sends the whole selection to the heap at once.
        const whole = [...list].sort((x, y) => x - y)[target];
        expect(selectKthSmallest(Float64Array.from(list), target, 0)).toBe(whole);
      }),
    );
  });
});
