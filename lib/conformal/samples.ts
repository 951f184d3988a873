// Calibration and test points for one sandbox run, and the tester scores on them. Partners for the
// counterfactual queries come from the pooled calibration + test values of feature k, so calibration
// and test losses are exchangeable (Algorithm 1 draws from the calibration set; see docs/conformal.md).
import { createRandom, seedFromString } from "@/lib/random/seeded";
import { buildScenario, type Scenario } from "./scenarios";
import type { SandboxParams } from "./schema";
import { propertyScores, type Point, type PropertySpec } from "./testers";

export type SandboxSample = { calibration: Point[]; test: Point[] };

/**
 * The scenario and the calibration/test points of a run, as the learner-property runner needs them.
 * (Here rather than in sandbox.ts so that the runner's bundle does not carry zod: it gets parsed params.)
 */
export function sandboxSample(params: SandboxParams): { scenario: Scenario; sample: SandboxSample } {
  const scenario = buildScenario(params);
  return { scenario, sample: drawSample(scenario, params.nCal, params.nTest, streamFor(params.seed, "sample")) };
}

export function drawSample(scenario: Scenario, nCal: number, nTest: number, random: () => number): SandboxSample {
  if (scenario.population) {
    const shuffled = shuffle(scenario.population, random);
    const half = Math.floor(shuffled.length / 2);
    const calibration = shuffled.slice(0, half);
    return { calibration, test: shuffled.slice(half) };
  }
  const calibration = scenario.drawPoints(nCal, random);
  return { calibration, test: scenario.drawPoints(nTest, random) };
}

function featurePool(sample: SandboxSample, feature: number): Float64Array {
  const { calibration, test } = sample;
  const pool = new Float64Array(calibration.length + test.length);
  for (let i = 0; i < calibration.length; i++) pool[i] = calibration[i]![feature]!;
  for (let i = 0; i < test.length; i++) pool[calibration.length + i] = test[i]![feature]!;
  return pool;
}

export type SampleScores = { calibration: Float64Array; test: Float64Array };

export function scoreSample(scenario: Scenario, sample: SandboxSample, property: PropertySpec, random: () => number): SampleScores {
  const pool = featurePool(sample, property.feature);
  return {
    calibration: propertyScores(scenario.model, sample.calibration, pool, property, random).scores,
    test: propertyScores(scenario.model, sample.test, pool, property, random).scores,
  };
}

/** Seeded streams, one per purpose, so each part of a run is reproducible on its own. */
export function streamFor(seed: number, purpose: string): () => number {
  return createRandom(seedFromString(`${seed}:${purpose}`));
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = copy[i]!;
    copy[i] = copy[j]!;
    copy[j] = t;
  }
  return copy;
}
