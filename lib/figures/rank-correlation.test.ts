import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { averageRanks, pearsonCorrelation, spearmanCorrelation } from "./rank-correlation";

describe("averageRanks", () => {
  it("ranks from 1 and averages ties", () => {
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
    expect(averageRanks([5, 1, 5, 0])).toEqual([3.5, 2, 3.5, 1]);
  });
});

describe("spearmanCorrelation", () => {
  it("is 1 for any increasing transform and −1 for a decreasing one", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 30 }), (xs) => {
        expect(spearmanCorrelation(xs, xs.map((x) => Math.exp(x / 50)))).toBeCloseTo(1, 12);
        expect(spearmanCorrelation(xs, xs.map((x) => -x * x * x))).toBeCloseTo(-1, 12);
      }),
    );
  });

  it("matches the textbook formula 1 − 6Σd²/(n(n²−1)) without ties", () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 1, 4, 3, 5];
    expect(spearmanCorrelation(a, b)).toBeCloseTo(1 - (6 * 4) / (5 * 24), 12);
  });

  it("reports zero, not NaN, against a constant", () => {
    expect(pearsonCorrelation([1, 2, 3], [4, 4, 4])).toBe(0);
  });
});
