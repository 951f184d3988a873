import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calibratedThreshold, ksStatistic, sortedCopy } from "./two-sample-test";

/** sup |F_a − F_b| evaluated at every sample point: slow, obviously correct. */
function bruteForceKs(a: number[], b: number[]): number {
  const cdf = (sample: number[], x: number) => sample.filter((v) => v <= x).length / sample.length;
  return Math.max(...[...a, ...b].map((x) => Math.abs(cdf(a, x) - cdf(b, x))));
}

const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 40 });

describe("ksStatistic", () => {
  it("matches the definition, ties included, and is symmetric", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = ksStatistic(sortedCopy(a), sortedCopy(b));
        expect(d).toBeCloseTo(bruteForceKs(a, b), 12);
        expect(ksStatistic(sortedCopy(b), sortedCopy(a))).toBe(d);
      }),
    );
  });

  it("is 0 for identical samples and 1 for separated ones", () => {
    expect(ksStatistic([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksStatistic([1, 2, 3], [4, 5])).toBe(1);
  });
});

describe("calibratedThreshold", () => {
  it("keeps the share of calibration statistics above it at most α", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (values, alpha) => {
        const sorted = sortedCopy(values);
        const threshold = calibratedThreshold(sorted, alpha);
        const above = values.filter((v) => v > threshold).length;
        // With the new window counted among M + 1 exchangeable ones, the rank of the threshold leaves at most α(M + 1) − 1 above it.
        expect(above).toBeLessThanOrEqual(Math.max(0, alpha * (values.length + 1) - 1) + 1e-9);
        expect(above).toBeGreaterThanOrEqual(Math.floor(alpha * (values.length + 1)) - 1);
      }),
    );
  });

  it("never alarms when α is too small for the number of calibration windows", () => {
    expect(calibratedThreshold(sortedCopy([0.1, 0.2, 0.3]), 0.1)).toBe(Number.POSITIVE_INFINITY);
    expect(calibratedThreshold(sortedCopy(Array.from({ length: 99 }, (_, i) => i)), 0.05)).toBe(94);
  });
});
