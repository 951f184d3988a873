import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitBradleyTerry, logistic, logLikelihood, logLogistic, logPosterior } from "./bradley-terry";

/** Win counts matching an expected share: `total` comparisons of each pair, won in proportion p_ij. */
function expectedWins(probability: (i: number, j: number) => number, items: number, total: number): number[][] {
  return Array.from({ length: items }, (_, i) =>
    Array.from({ length: items }, (_, j) => (i === j ? 0 : total * probability(i, j))),
  );
}

describe("logistic helpers", () => {
  it("agree with the direct formulas and stay finite far out", () => {
    for (const x of [-30, -2, 0, 0.5, 3, 30]) {
      expect(logistic(x)).toBeCloseTo(1 / (1 + Math.exp(-x)), 12);
      expect(logLogistic(x)).toBeCloseTo(Math.log(1 / (1 + Math.exp(-x))), 10);
    }
    expect(Number.isFinite(logLogistic(-800))).toBe(true);
    expect(logLogistic(-800)).toBeCloseTo(-800, 6);
  });
});

describe("fitBradleyTerry", () => {
  it("recovers the reward differences from expected win counts", () => {
    const truth = [1.2, 0.4, -0.3, -1.3];
    const wins = expectedWins((i, j) => logistic(truth[i]! - truth[j]!), truth.length, 1e6);
    const { rewards, converged } = fitBradleyTerry(wins);
    expect(converged).toBe(true);
    for (let i = 1; i < truth.length; i++) expect(rewards[i]! - rewards[0]!).toBeCloseTo(truth[i]! - truth[0]!, 3);
  });

  it("pins the shift: the fitted rewards have mean zero", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(20), { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 }), (raw) => {
        const wins = raw.map((row, i) => row.map((count, j) => (i === j ? 0 : count)));
        const { rewards } = fitBradleyTerry(wins);
        expect(Math.abs(rewards.reduce((s, r) => s + r, 0))).toBeLessThan(1e-9);
      }),
    );
  });

  it("never lowers the objective, and raises the likelihood above the all-equal start", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }), { minLength: 6, maxLength: 6 }), (raw) => {
        const wins = raw.map((row, i) => row.map((count, j) => (i === j ? 0 : count)));
        const fit = fitBradleyTerry(wins);
        for (let k = 1; k < fit.objectiveTrace.length; k++) expect(fit.objectiveTrace[k]!).toBeGreaterThan(fit.objectiveTrace[k - 1]!);
        expect(fit.objectiveTrace.at(-1)).toBeCloseTo(logPosterior(wins, fit.rewards), 9);
        expect(logLikelihood(wins, fit.rewards)).toBeGreaterThanOrEqual(logLikelihood(wins, new Array(6).fill(0)) - 1e-9);
      }),
    );
  });

  it("stays finite when one response wins every comparison", () => {
    const wins = [
      [0, 5, 7],
      [0, 0, 3],
      [0, 2, 0],
    ];
    const fit = fitBradleyTerry(wins);
    expect(fit.converged).toBe(true);
    expect(fit.rewards.every(Number.isFinite)).toBe(true);
    expect(fit.rewards[0]).toBeGreaterThan(fit.rewards[1]!);
  });

  // Lesson 1's calculation: two equal groups, each preferring a different response with
  // probability 0.9, pool to a win rate of one half and hence a fitted difference of zero.
  it("pools opposite groups into an average that describes neither", () => {
    const pooled = (share: number) => [
      [0, 1e5 * ((1 - share) * 0.9 + share * 0.1)],
      [1e5 * ((1 - share) * 0.1 + share * 0.9), 0],
    ];
    const difference = (share: number) => {
      const { rewards } = fitBradleyTerry(pooled(share));
      return rewards[0]! - rewards[1]!;
    };
    expect(difference(0.5)).toBeCloseTo(0, 9);
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(difference(0)).toBeCloseTo(logit(0.9), 3);
    expect(difference(1)).toBeCloseTo(logit(0.1), 3);
    for (const share of [0.1, 0.3, 0.7, 0.9]) {
      expect(difference(share)).toBeLessThan(logit(0.9));
      expect(difference(share)).toBeGreaterThan(logit(0.1));
      expect(difference(share)).toBeCloseTo(logit((1 - share) * 0.9 + share * 0.1), 3);
    }
  });
});
