import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { meanSquaredError, normalEquations, solveRidge } from "./ridge-regression";

describe("solveRidge", () => {
  it("recovers a polynomial exactly from noise-free data when the penalty is negligible", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }), (coefficients) => {
        const xs = Array.from({ length: 20 }, (_, i) => -1 + i / 10);
        const design = xs.map((x) => [1, x, x * x, x * x * x]);
        const ys = design.map((row) => row.reduce((sum, f, i) => sum + f * coefficients[i]!, 0));
        const weights = solveRidge(normalEquations(design, ys), 1e-12);
        weights.forEach((w, i) => expect(w).toBeCloseTo(coefficients[i]!, 6));
        expect(meanSquaredError(design, ys, weights)).toBeLessThan(1e-12);
      }),
    );
  });

  it("training error never falls as the penalty grows", () => {
    const xs = Array.from({ length: 15 }, (_, i) => i / 14);
    const design = xs.map((x) => [1, x, Math.sin(5 * x), Math.cos(7 * x), x * x]);
    const ys = xs.map((x) => Math.exp(x) + 0.1 * Math.sin(40 * x));
    const equations = normalEquations(design, ys);
    const errors = [1e-8, 1e-4, 1e-2, 1, 100].map((penalty) => meanSquaredError(design, ys, solveRidge(equations, penalty, [0])));
    for (let i = 1; i < errors.length; i++) expect(errors[i]!).toBeGreaterThanOrEqual(errors[i - 1]! - 1e-12);
    expect(errors.at(-1)!).toBeGreaterThan(errors[0]!);
  });

  it("leaves unpenalised coefficients free: a huge penalty still fits the mean", () => {
    const design = [[1, 0], [1, 1], [1, 2]];
    const weights = solveRidge(normalEquations(design, [5, 6, 7]), 1e9, [0]);
    expect(weights[0]).toBeCloseTo(6, 6);
    expect(weights[1]).toBeCloseTo(0, 6);
  });
});
