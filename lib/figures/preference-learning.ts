// Learning a reward from pairwise preferences (lesson 1). Twelve candidate responses differ in
// quality and in how proactively they offer personal suggestions. Two annotator groups agree
// about quality and disagree about proactivity: group A's reward is quality + proactivity,
// group B's is quality − proactivity. Annotators compare random pairs with
// P(i ≻ j) = σ((r_i − r_j) / τ); one Bradley–Terry reward is fitted to the pooled comparisons.
import { createNormal, createRandom, seedFromString } from "@/lib/random/seeded";
import { fitBradleyTerry, logistic, type BradleyTerryFit } from "./bradley-terry";
import { spearmanCorrelation } from "./rank-correlation";
import { clampToLimits } from "./limits";

export const RESPONSE_COUNT = 12;

export const PREFERENCE_LIMITS = {
  comparisons: { min: 20, max: 5000, initial: 300 },
  temperature: { min: 0.25, max: 4, step: 0.05, initial: 1 },
  percentGroupB: { min: 0, max: 100, step: 5, initial: 0 },
  seed: { min: 1, max: 100, step: 1, initial: 1 },
} as const;

/** Comparison counts at which the figure draws its learning curve. */
export const COMPARISON_GRID: readonly number[] = [20, 30, 50, 80, 120, 200, 300, 500, 800, 1200, 2000, 3000, 5000];

export interface PreferenceParams {
  comparisons: number;
  /** Annotator noise τ: larger means choices closer to coin flips. */
  temperature: number;
  /** Share of comparisons made by group B, in percent. */
  percentGroupB: number;
  seed: number;
}

export interface Responses {
  quality: number[];
  proactivity: number[];
  rewardA: number[];
  rewardB: number[];
}

export function drawResponses(seed: number): Responses {
  const normal = createNormal(createRandom(seedFromString(`responses:${seed}`)));
  const quality = Array.from({ length: RESPONSE_COUNT }, () => normal());
  const proactivity = Array.from({ length: RESPONSE_COUNT }, () => normal());
  return {
    quality,
    proactivity,
    rewardA: quality.map((q, i) => q + proactivity[i]!),
    rewardB: quality.map((q, i) => q - proactivity[i]!),
  };
}

/**
 * The randomness of every comparison, drawn once for the largest count: which pair, which group
 * and which outcome. Moving the noise or group-share slider re-reads the same uniforms (common
 * random numbers), and more comparisons only add to the ones already made.
 */
export interface ComparisonDraws {
  first: Int32Array;
  second: Int32Array;
  groupUniform: Float64Array;
  outcomeUniform: Float64Array;
}

export function drawComparisons(count: number, seed: number): ComparisonDraws {
  const random = createRandom(seedFromString(`comparisons:${seed}`));
  const draws: ComparisonDraws = {
    first: new Int32Array(count),
    second: new Int32Array(count),
    groupUniform: new Float64Array(count),
    outcomeUniform: new Float64Array(count),
  };
  for (let c = 0; c < count; c++) {
    const first = Math.floor(random() * RESPONSE_COUNT);
    const offset = 1 + Math.floor(random() * (RESPONSE_COUNT - 1)); // a different response, uniformly
    draws.first[c] = first;
    draws.second[c] = (first + offset) % RESPONSE_COUNT;
    draws.groupUniform[c] = random();
    draws.outcomeUniform[c] = random();
  }
  return draws;
}

/** Probability that a member of a group with these rewards prefers i to j. */
export function preferenceProbability(rewards: readonly number[], i: number, j: number, temperature: number): number {
  return logistic((rewards[i]! - rewards[j]!) / temperature);
}

export interface Tally {
  wins: number[][];
  comparisons: number;
  byGroupB: number;
}

export function tallyComparisons(responses: Responses, draws: ComparisonDraws, params: PreferenceParams): Tally {
  const count = Math.min(params.comparisons, draws.first.length);
  const shareB = params.percentGroupB / 100;
  const wins = Array.from({ length: RESPONSE_COUNT }, () => new Array<number>(RESPONSE_COUNT).fill(0));
  let byGroupB = 0;
  for (let c = 0; c < count; c++) {
    const i = draws.first[c]!;
    const j = draws.second[c]!;
    const isGroupB = draws.groupUniform[c]! < shareB;
    if (isGroupB) byGroupB++;
    const p = preferenceProbability(isGroupB ? responses.rewardB : responses.rewardA, i, j, params.temperature);
    if (draws.outcomeUniform[c]! < p) wins[i]![j]!++;
    else wins[j]![i]!++;
  }
  return { wins, comparisons: count, byGroupB };
}

export interface HeldOutAccuracy {
  /** Chance that the fitted reward predicts a fresh comparison by a member of the group. */
  accuracy: number;
  /** The best any predictor can do: each pair's more likely winner, which the group's own reward picks. */
  ceiling: number;
}

/**
 * Exact expected accuracy on fresh comparisons of uniformly random pairs: the fitted reward
 * predicts the response it scores higher, and is right with that group's preference probability.
 * Computed over all pairs, so it has no sampling noise of its own.
 */
function heldOutAccuracy(fitted: readonly number[], probability: (i: number, j: number) => number): HeldOutAccuracy {
  let accuracy = 0;
  let ceiling = 0;
  let pairs = 0;
  for (let i = 0; i < fitted.length; i++) {
    for (let j = i + 1; j < fitted.length; j++) {
      const p = probability(i, j);
      accuracy += fitted[i]! > fitted[j]! ? p : fitted[i]! < fitted[j]! ? 1 - p : 0.5;
      ceiling += Math.max(p, 1 - p);
      pairs++;
    }
  }
  return { accuracy: accuracy / pairs, ceiling: ceiling / pairs };
}

export interface PreferenceReport {
  params: PreferenceParams;
  tally: Tally;
  fit: BradleyTerryFit;
  /** Spearman correlation between the fitted reward and each group's true reward. */
  rankCorrelationA: number;
  rankCorrelationB: number;
  heldOutA: HeldOutAccuracy;
  heldOutB: HeldOutAccuracy;
  /** Fresh comparisons from the same mix of groups as the training data. */
  heldOutPooled: HeldOutAccuracy;
}

export function fitPreferences(responses: Responses, draws: ComparisonDraws, params: PreferenceParams): PreferenceReport {
  const tally = tallyComparisons(responses, draws, params);
  const fit = fitBradleyTerry(tally.wins);
  const shareB = params.percentGroupB / 100;
  const { temperature } = params;
  const probabilityA = (i: number, j: number) => preferenceProbability(responses.rewardA, i, j, temperature);
  const probabilityB = (i: number, j: number) => preferenceProbability(responses.rewardB, i, j, temperature);
  return {
    params,
    tally,
    fit,
    rankCorrelationA: spearmanCorrelation(fit.rewards, responses.rewardA),
    rankCorrelationB: spearmanCorrelation(fit.rewards, responses.rewardB),
    heldOutA: heldOutAccuracy(fit.rewards, probabilityA),
    heldOutB: heldOutAccuracy(fit.rewards, probabilityB),
    heldOutPooled: heldOutAccuracy(fit.rewards, (i, j) => (1 - shareB) * probabilityA(i, j) + shareB * probabilityB(i, j)),
  };
}

/** One simulated experiment: responses and comparisons from the seed, then the fit. */
export function runPreferenceExperiment(params: PreferenceParams): PreferenceReport {
  return fitPreferences(drawResponses(params.seed), drawComparisons(params.comparisons, params.seed), params);
}

/** The fit at every count of COMPARISON_GRID, sharing one set of draws so each adds comparisons to the last. */
export function learningCurve(responses: Responses, draws: ComparisonDraws, params: PreferenceParams, grid: readonly number[] = COMPARISON_GRID): PreferenceReport[] {
  return grid.map((comparisons) => fitPreferences(responses, draws, { ...params, comparisons }));
}


export function clampPreferenceParams(params: Partial<PreferenceParams>): PreferenceParams {
  return clampToLimits(params, PREFERENCE_LIMITS, ["comparisons", "seed"]);
}
