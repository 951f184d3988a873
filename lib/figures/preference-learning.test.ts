import { describe, expect, it } from "vitest";
import { fitBradleyTerry } from "./bradley-terry";
import { pearsonCorrelation } from "./rank-correlation";
import {
  clampPreferenceParams,
  COMPARISON_GRID,
  drawComparisons,
  drawResponses,
  fitPreferences,
  learningCurve,
  preferenceProbability,
  RESPONSE_COUNT,
  runPreferenceExperiment,
  tallyComparisons,
  type PreferenceParams,
} from "./preference-learning";

const base: PreferenceParams = { comparisons: 300, temperature: 1, percentGroupB: 0, seed: 1 };
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

describe("simulated comparisons", () => {
  it("are deterministic for a seed and differ between seeds", () => {
    const a = runPreferenceExperiment({ ...base, percentGroupB: 30 });
    const b = runPreferenceExperiment({ ...base, percentGroupB: 30 });
    const c = runPreferenceExperiment({ ...base, percentGroupB: 30, seed: 2 });
    expect(b.fit.rewards).toEqual(a.fit.rewards);
    expect(b.tally).toEqual(a.tally);
    expect(c.fit.rewards).not.toEqual(a.fit.rewards);
  });

  it("compare two different responses, and count every comparison once", () => {
    const draws = drawComparisons(2000, 3);
    for (let c = 0; c < 2000; c++) expect(draws.first[c]).not.toBe(draws.second[c]);
    const tally = tallyComparisons(drawResponses(3), draws, { ...base, comparisons: 2000, percentGroupB: 40 });
    expect(tally.wins.flat().reduce((s, x) => s + x, 0)).toBe(2000);
    expect(tally.byGroupB / 2000).toBeGreaterThan(0.35);
    expect(tally.byGroupB / 2000).toBeLessThan(0.45);
  });

  it("give groups A and B opposite views of proactivity and the same view of quality", () => {
    const { quality, proactivity, rewardA, rewardB } = drawResponses(4);
    rewardA.forEach((r, i) => {
      expect(r + rewardB[i]!).toBeCloseTo(2 * quality[i]!, 12);
      expect(r - rewardB[i]!).toBeCloseTo(2 * proactivity[i]!, 12);
    });
  });
});

describe("the Bradley–Terry fit", () => {
  it("recovers group A's ranking from many comparisons (Spearman > 0.9 on every seed)", () => {
    for (const seed of seeds) {
      const report = runPreferenceExperiment({ ...base, comparisons: 5000, seed });
      expect(report.rankCorrelationA).toBeGreaterThan(0.9);
      expect(report.heldOutA.accuracy).toBeGreaterThan(report.heldOutA.ceiling - 0.01);
    }
  });

  it("orders rewards better with more comparisons, on average over seeds", () => {
    const correlationAt = (comparisons: number) => mean(seeds.map((seed) => runPreferenceExperiment({ ...base, comparisons, seed }).rankCorrelationA));
    expect(correlationAt(50)).toBeLessThan(correlationAt(500));
    expect(correlationAt(500)).toBeLessThan(correlationAt(5000));
  });

  it("learns less per comparison when annotators are noisier", () => {
    const correlation = (temperature: number) =>
      mean(seeds.map((seed) => runPreferenceExperiment({ ...base, comparisons: 200, temperature, seed }).rankCorrelationA));
    expect(correlation(4)).toBeLessThan(correlation(0.5));
  });

  it("raises the likelihood at every step of the fit", () => {
    const { fit } = runPreferenceExperiment({ ...base, percentGroupB: 35, seed: 9 });
    expect(fit.objectiveTrace.length).toBeGreaterThan(2);
    for (let k = 1; k < fit.objectiveTrace.length; k++) expect(fit.objectiveTrace[k]!).toBeGreaterThan(fit.objectiveTrace[k - 1]!);
  });

  it("never beats the ceiling of held-out accuracy", () => {
    for (const percentGroupB of [0, 30, 50, 100]) {
      const report = runPreferenceExperiment({ ...base, percentGroupB, seed: 5 });
      for (const held of [report.heldOutA, report.heldOutB, report.heldOutPooled]) expect(held.accuracy).toBeLessThanOrEqual(held.ceiling + 1e-12);
    }
  });
});

describe("pooling two groups", () => {
  // Population limit: the expected win counts of a huge, evenly spread sample, so the test
  // measures the model rather than sampling noise.
  function populationFit(seed: number, shareB: number, temperature = 1) {
    const responses = drawResponses(seed);
    const wins = Array.from({ length: RESPONSE_COUNT }, (_, i) =>
      Array.from({ length: RESPONSE_COUNT }, (_, j) =>
        i === j
          ? 0
          : 1e5 *
            ((1 - shareB) * preferenceProbability(responses.rewardA, i, j, temperature) +
              shareB * preferenceProbability(responses.rewardB, i, j, temperature)),
      ),
    );
    return { responses, rewards: fitBradleyTerry(wins).rewards };
  }

  it("gives a mixed-group reward that lies between the two groups' rewards", () => {
    for (const seed of seeds.slice(0, 10)) {
      const pureA = populationFit(seed, 0).rewards;
      const pureB = populationFit(seed, 1).rewards;
      const mixed = populationFit(seed, 0.5).rewards;
      // It agrees with each group less than that group's own fit does, and more than the other group's fit does.
      const { rewardA, rewardB } = populationFit(seed, 0).responses;
      for (const [own, other, truth] of [[pureA, pureB, rewardA], [pureB, pureA, rewardB]] as const) {
        expect(pearsonCorrelation(mixed, truth)).toBeLessThan(pearsonCorrelation(own, truth));
        expect(pearsonCorrelation(mixed, truth)).toBeGreaterThan(pearsonCorrelation(other, truth));
      }
      // And it sits nearer the midpoint of the two fits than to either of them.
      const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((x, i) => x - b[i]!));
      const midpoint = pureA.map((a, i) => (a + pureB[i]!) / 2);
      expect(distance(mixed, midpoint)).toBeLessThan(distance(mixed, pureA));
      expect(distance(mixed, midpoint)).toBeLessThan(distance(mixed, pureB));
      // And it tracks the shared component (quality), which both groups value, best of all.
      const { responses } = populationFit(seed, 0.5);
      expect(pearsonCorrelation(mixed, responses.quality)).toBeGreaterThan(0.95);
    }
  });

  it("moves the fit from group A's ranking to group B's as B's share grows", () => {
    for (const seed of seeds.slice(0, 5)) {
      const shares = [0, 25, 50, 75, 100];
      const reports = shares.map((percentGroupB) => runPreferenceExperiment({ ...base, comparisons: 5000, percentGroupB, seed }));
      for (let k = 1; k < reports.length; k++) {
        expect(reports[k]!.heldOutA.accuracy).toBeLessThanOrEqual(reports[k - 1]!.heldOutA.accuracy + 0.02);
        expect(reports[k]!.heldOutB.accuracy).toBeGreaterThanOrEqual(reports[k - 1]!.heldOutB.accuracy - 0.02);
      }
      expect(reports[0]!.rankCorrelationA).toBeGreaterThan(reports[4]!.rankCorrelationA);
      expect(reports[4]!.rankCorrelationB).toBeGreaterThan(reports[0]!.rankCorrelationB);
    }
  });
});

describe("learningCurve and clampPreferenceParams", () => {
  it("fits once per grid point, each with that many comparisons", () => {
    const params = { ...base, percentGroupB: 20 };
    const curve = learningCurve(drawResponses(2), drawComparisons(5000, 2), params);
    expect(curve.map((r) => r.tally.comparisons)).toEqual([...COMPARISON_GRID]);
    // The last point equals a direct fit with the same count.
    expect(curve.at(-1)!.fit.rewards).toEqual(fitPreferences(drawResponses(2), drawComparisons(5000, 2), { ...params, comparisons: 5000 }).fit.rewards);
  });

  it("brings parameters into the slider ranges", () => {
    expect(clampPreferenceParams({ comparisons: 1e9, temperature: -1, percentGroupB: Number.NaN, seed: 3.6 })).toEqual({
      comparisons: 5000,
      temperature: 0.25,
      percentGroupB: 0,
      seed: 4,
    });
    expect(clampPreferenceParams({})).toEqual({ comparisons: 300, temperature: 1, percentGroupB: 0, seed: 1 });
  });
});
