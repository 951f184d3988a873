import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  clampGeneralisationParams,
  drawTrainingData,
  evaluateTestRange,
  fitTwoModels,
  GENERALISATION_LIMITS,
  predictWith,
  testErrorCurve,
  TRAINING_MSE_TOLERANCE,
  TRAINING_POINTS,
  TRAINING_RANGE,
  trueFunction,
} from "./generalisation-experiment";

const seeds = fc.integer({ min: 1, max: 10_000 });
const noises = fc.double({ min: GENERALISATION_LIMITS.noiseSd.min, max: GENERALISATION_LIMITS.noiseSd.max, noNaN: true });
const COARSE_EXTENSIONS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];

describe("drawTrainingData", () => {
  it("draws sorted inputs inside the training range, deterministically", () => {
    const data = drawTrainingData(0.1, 4);
    expect(data.x).toHaveLength(TRAINING_POINTS);
    expect(data.x.every((x) => x >= TRAINING_RANGE[0] && x <= TRAINING_RANGE[1])).toBe(true);
    expect([...data.x].sort((a, b) => a - b)).toEqual(data.x);
    expect(drawTrainingData(0.1, 4)).toEqual(data);
    expect(drawTrainingData(0.1, 5)).not.toEqual(data);
  });

  it("rescales the same noise draws when σ changes", () => {
    const small = drawTrainingData(0.1, 7);
    const large = drawTrainingData(0.3, 7);
    expect(large.x).toEqual(small.x);
    small.x.forEach((x, i) => expect(large.y[i]! - trueFunction(x)).toBeCloseTo(3 * (small.y[i]! - trueFunction(x)), 10));
  });
});

describe("fitTwoModels", () => {
  it("gives the two models the same training error, within the stated tolerance", () => {
    fc.assert(
      fc.property(seeds, noises, (seed, noiseSd) => {
        const fit = fitTwoModels(noiseSd, seed);
        expect(fit.trainingMseMatched).toBe(true);
        expect(Math.abs(fit.relu.trainingMse - fit.cubic.trainingMse)).toBeLessThanOrEqual(TRAINING_MSE_TOLERANCE * fit.cubic.trainingMse);
        // Both models fit the data: their training error is about the noise variance, not more.
        expect(fit.cubic.trainingMse).toBeLessThan(2 * noiseSd * noiseSd + 0.01);
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic for a seed", () => {
    const a = fitTwoModels(0.1, 12);
    const b = fitTwoModels(0.1, 12);
    expect(a.cubic.weights).toEqual(b.cubic.weights);
    expect(a.relu.weights).toEqual(b.relu.weights);
    expect(evaluateTestRange(a, 1)).toEqual(evaluateTestRange(b, 1));
    expect(fitTwoModels(0.1, 13).cubic.weights).not.toEqual(a.cubic.weights);
  });

  it("the network extrapolates linearly: its knots all lie inside the training range", () => {
    const fit = fitTwoModels(0.1, 3);
    const at = (x: number) => predictWith(fit.relu, x);
    // Second differences vanish beyond the training range.
    expect(at(1.5) - 2 * at(2) + at(2.5)).toBeCloseTo(0, 9);
    expect(at(-1.5) - 2 * at(-2) + at(-2.5)).toBeCloseTo(0, 9);
  });
});

describe("evaluateTestRange", () => {
  it("the models agree on the training range and disagree more the further out we test", () => {
    fc.assert(
      fc.property(seeds, noises, (seed, noiseSd) => {
        const fit = fitTwoModels(noiseSd, seed);
        const disagreements = COARSE_EXTENSIONS.map((s) => evaluateTestRange(fit, s).disagreement);
        for (let i = 1; i < disagreements.length; i++) expect(disagreements[i]!).toBeGreaterThan(disagreements[i - 1]!);
        expect(disagreements.at(-1)!).toBeGreaterThan(3 * disagreements[0]!);
      }),
      { numRuns: 60 },
    );
  });

  it("test error grows with the extension for both models, on average over seeds", () => {
    const averages = COARSE_EXTENSIONS.map((s) => {
      let cubic = 0;
      let relu = 0;
      for (let seed = 1; seed <= 30; seed++) {
        const report = evaluateTestRange(fitTwoModels(0.1, seed), s);
        cubic += report.cubicTestMse / 30;
        relu += report.reluTestMse / 30;
      }
      return { cubic, relu };
    });
    for (let i = 1; i < averages.length; i++) {
      expect(averages[i]!.cubic).toBeGreaterThan(averages[i - 1]!.cubic);
      expect(averages[i]!.relu).toBeGreaterThan(averages[i - 1]!.relu);
    }
  });

  it("test error far out exceeds test error on the training range for every seed", () => {
    fc.assert(
      fc.property(seeds, noises, (seed, noiseSd) => {
        const fit = fitTwoModels(noiseSd, seed);
        const near = evaluateTestRange(fit, 0);
        const far = evaluateTestRange(fit, 1.5);
        expect(far.cubicTestMse).toBeGreaterThan(near.cubicTestMse);
        expect(far.reluTestMse).toBeGreaterThan(near.reluTestMse);
      }),
      { numRuns: 60 },
    );
  });

  it("counts the noise variance as irreducible test error", () => {
    const fit = fitTwoModels(0.3, 2);
    const report = evaluateTestRange(fit, 0);
    expect(report.cubicTestMse).toBeGreaterThanOrEqual(0.09);
    expect(report.range).toEqual([-1, 1]);
  });

  it("the error curve runs over the slider's whole range", () => {
    const curve = testErrorCurve(fitTwoModels(0.1, 1));
    expect(curve[0]!.extension).toBe(0);
    expect(curve.at(-1)!.extension).toBe(GENERALISATION_LIMITS.extension.max);
  });
});

describe("clampGeneralisationParams", () => {
  it("fills defaults and clamps into the slider ranges", () => {
    const L = GENERALISATION_LIMITS;
    expect(clampGeneralisationParams({})).toEqual({ extension: L.extension.initial, noiseSd: L.noiseSd.initial, seed: L.seed.initial });
    expect(clampGeneralisationParams({ extension: 9, noiseSd: 0, seed: 1000.4 })).toEqual({ extension: L.extension.max, noiseSd: L.noiseSd.min, seed: L.seed.max });
  });
});
