import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestMonotoneMisfit, concaveWitness, envelopeWitness, isotonicRegression, isotonicWitness } from "./witness";

const band = (values: number[], half: number) => ({
  lower: values.map((v) => v - half),
  upper: values.map((v) => v + half),
});

/** Brute force: the largest subset of points on which a non-decreasing g fits inside the band. */
function bruteForceMisfit(lower: number[], upper: number[]): number {
  const n = lower.length;
  let bestKept = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let level = -Infinity;
    let ok = true;
    let kept = 0;
    for (let i = 0; i < n && ok; i++) {
      if (!(mask & (1 << i))) continue;
      level = Math.max(level, lower[i]!);
      ok = level <= upper[i]! + 2e-12; // the witnesses' rounding tolerance, on both edges
      kept++;
    }
    if (ok) bestKept = Math.max(bestKept, kept);
  }
  return 1 - bestKept / n;
}

describe("isotonicRegression (pool adjacent violators)", () => {
  it("pools violators into their mean", () => {
    expect(Array.from(isotonicRegression([1, 3, 2, 4]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(isotonicRegression([3, 2, 1]))).toEqual([2, 2, 2]);
    expect(Array.from(isotonicRegression([1, 2, 3], "decreasing"))).toEqual([2, 2, 2]);
  });

  it("returns a non-decreasing fit with the same mean", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const fit = isotonicRegression(values);
        const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
        return fit.every((v, i) => i === 0 || v >= fit[i - 1]! - 1e-12) && Math.abs(sum(fit) - sum(values)) < 1e-9;
      }),
    );
  });
});

describe("monotone witnesses", () => {
  it("the envelope is the running maximum of the lower edge and marks where it leaves the band", () => {
    const { lower, upper } = band([0, 1, 0.5, 2], 0.1);
    const fit = envelopeWitness(lower, upper, "increasing");
    expect(Array.from(fit.values)).toEqual([-0.1, 0.9, 0.9, 1.9]);
    expect(Array.from(fit.outside)).toEqual([0, 0, 1, 0]);
    expect(fit.epsilon).toBe(0.25);
    expect(Array.from(envelopeWitness(lower, upper, "decreasing").values)).toEqual([1.9, 1.9, 1.9, 1.9]);
  });

  it("stays in the band everywhere for a monotone f, and a wide band absorbs any f", () => {
    const rising = Array.from({ length: 50 }, (_, i) => Math.sqrt(i));
    const { lower, upper } = band(rising, 0);
    expect(envelopeWitness(lower, upper, "increasing").epsilon).toBe(0);
    expect(isotonicWitness(lower, upper, "increasing").epsilon).toBe(0);
    const bumpy = rising.map((v, i) => v + (i % 2 === 0 ? 1 : -1));
    const wide = band(bumpy, 1);
    expect(envelopeWitness(wide.lower, wide.upper, "increasing").epsilon).toBe(0);
  });

  it("bestMonotoneMisfit is exact (brute force) and no larger than either witness's ε", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 11 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (values, half) => {
          const { lower, upper } = band(values, half);
          const best = bestMonotoneMisfit(lower, upper, "increasing");
          const reversed = bestMonotoneMisfit([...lower].reverse(), [...upper].reverse(), "decreasing");
          return (
            Math.abs(best - bruteForceMisfit(lower, upper)) < 1e-12 &&
            Math.abs(best - reversed) < 1e-12 &&
            best <= envelopeWitness(lower, upper, "increasing").epsilon + 1e-12 &&
            best <= isotonicWitness(lower, upper, "increasing").epsilon + 1e-12
          );
        },
      ),
    );
  });
});

describe("concaveWitness", () => {
  it("is concave, lies above the lower edge, and fits a concave f with ε = 0", () => {
    const xs = Array.from({ length: 41 }, (_, i) => i / 40);
    const concave = xs.map((x) => 1 - (2 * x - 1) ** 2);
    const { lower, upper } = band(concave, 0.01);
    const fit = concaveWitness(xs, lower, upper);
    expect(fit.epsilon).toBe(0);
    const dipped = concave.map((v, i) => (Math.abs(xs[i]! - 0.5) < 0.1 ? v - 0.3 : v));
    const dippedBand = band(dipped, 0.01);
    const dippedFit = concaveWitness(xs, dippedBand.lower, dippedBand.upper);
    expect(dippedFit.epsilon).toBeGreaterThan(0);
    for (let i = 1; i < xs.length - 1; i++) {
      expect(dippedFit.values[i]!).toBeGreaterThanOrEqual(dippedBand.lower[i]! - 1e-12);
      // Second differences of a concave function on an even grid are ≤ 0.
      expect(dippedFit.values[i - 1]! - 2 * dippedFit.values[i]! + dippedFit.values[i + 1]!).toBeLessThanOrEqual(1e-12);
    }
  });
});
