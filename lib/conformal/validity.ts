// The validity check (brief §6): repeat calibration on R fresh calibration/test splits and compare the
// mean test risk, with its standard error, against α. CRC promises E[L_{n+1}(λ̂)] ≤ α.
import { calibrateStepLosses } from "./crc";
import { drawSample, scoreSample, shuffle, streamFor, type SampleScores } from "./samples";
import type { Scenario } from "./scenarios";
import { amplifyScores, type PropertySpec } from "./testers";

export type ValiditySummary = {
  runs: number;
  /** Test rejection rate of each run. */
  risks: Float64Array;
  /** ŝ of each run (NaN when no finite ŝ). */
  widths: Float64Array;
  meanRisk: number;
  standardError: number;
  /** Runs in which no finite ŝ existed (their test risk is 0: an infinitely wide band accepts). */
  infiniteRuns: number;
};

/** Scores on R fresh draws from the scenario's input distribution. */
export function freshSplitScores(
  scenario: Scenario,
  property: PropertySpec,
  nCal: number,
  nTest: number,
  runs: number,
  seed: number,
): SampleScores[] {
  return Array.from({ length: runs }, (_, run) => {
    const random = streamFor(seed, `validity:${run}`);
    return scoreSample(scenario, drawSample(scenario, nCal, nTest, random), property, random);
  });
}

/** Scores on R random re-splits of a fixed pool of scores (outside predictions, learner properties). */
export function resampledSplitScores(pooled: ArrayLike<number>, nCal: number, runs: number, seed: number): SampleScores[] {
  const all = Array.from(pooled);
  return Array.from({ length: runs }, (_, run) => {
    const shuffled = shuffle(all, streamFor(seed, `resplit:${run}`));
    return { calibration: Float64Array.from(shuffled.slice(0, nCal)), test: Float64Array.from(shuffled.slice(nCal)) };
  });
}

export function summariseValidity(scoreSets: readonly SampleScores[], alpha: number, batches: number): ValiditySummary {
  const runs = scoreSets.length;
  const risks = new Float64Array(runs);
  const widths = new Float64Array(runs);
  let infiniteRuns = 0;
  scoreSets.forEach((scores, run) => {
    const calibration = amplifyScores(scores.calibration, batches);
    const test = amplifyScores(scores.test, batches);
    const { lambdaHat } = calibrateStepLosses(calibration, alpha);
    widths[run] = lambdaHat ?? Number.NaN;
    if (lambdaHat === null) {
      infiniteRuns++;
      return;
    }
    let rejected = 0;
    for (let i = 0; i < test.length; i++) if (test[i]! > lambdaHat) rejected++;
    risks[run] = test.length === 0 ? 0 : rejected / test.length;
  });
  const meanRisk = mean(risks);
  let squares = 0;
  for (let r = 0; r < runs; r++) squares += (risks[r]! - meanRisk) ** 2;
  const standardError = runs > 1 ? Math.sqrt(squares / (runs - 1) / runs) : Number.NaN;
  return { runs, risks, widths, meanRisk, standardError, infiniteRuns };
}

function mean(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return values.length === 0 ? Number.NaN : total / values.length;
}
