// Two models with the same training error that disagree off the training range (lesson 3).
// A cubic polynomial and a random-feature ReLU network are fitted to the same noisy samples of
// sin(2x) on [−1, 1]; the network's ridge penalty is tuned until its training error equals the
// cubic's. Inside the range the two are indistinguishable by their scores; outside it each
// follows its own inductive bias.
import { createNormal, createRandom, seedFromString } from "@/lib/random/seeded";
import { cubicFeatures, drawReluUnits, reluFeatures, type FeatureMap } from "./generalisation-models";
import { meanSquaredError, normalEquations, predict, solveRidge } from "./ridge-regression";
import { clampToLimits } from "./limits";

export const TRAINING_RANGE = [-1, 1] as const;
export const TRAINING_POINTS = 30;
export const HIDDEN_UNITS = 60;
/** The two training errors agree to within this relative difference (the search gets far closer). */
export const TRAINING_MSE_TOLERANCE = 0.01;
/** Tiny penalty for the cubic: ordinary least squares, kept numerically safe. */
const CUBIC_PENALTY = 1e-9;
const PENALTY_SEARCH_LOG10 = [-10, 4] as const;

export const GENERALISATION_LIMITS = {
  extension: { min: 0, max: 1.5, step: 0.05, initial: 0 },
  noiseSd: { min: 0.02, max: 0.5, step: 0.02, initial: 0.1 },
  seed: { min: 1, max: 100, step: 1, initial: 1 },
} as const;

export interface GeneralisationParams {
  /** s: the test range is [a − s, b + s] for the training range [a, b]. */
  extension: number;
  noiseSd: number;
  seed: number;
}

export function trueFunction(x: number): number {
  return Math.sin(2 * x);
}

export interface TrainingData {
  x: number[];
  y: number[];
}

/** x uniform on the training range, y = f(x) + σ·z. Same x and z for every σ, so the noise slider rescales one draw. */
export function drawTrainingData(noiseSd: number, seed: number): TrainingData {
  const random = createRandom(seed);
  const normal = createNormal(random);
  const [low, high] = TRAINING_RANGE;
  const pairs = Array.from({ length: TRAINING_POINTS }, () => {
    const x = low + (high - low) * random();
    return { x, y: trueFunction(x) + noiseSd * normal() };
  }).sort((p, q) => p.x - q.x);
  return { x: pairs.map((p) => p.x), y: pairs.map((p) => p.y) };
}

export interface FittedModel {
  features: FeatureMap;
  weights: number[];
  penalty: number;
  trainingMse: number;
}

export function predictWith(model: FittedModel, x: number): number {
  return predict(model.weights, model.features(x));
}

/** The design matrix and its cross-products, built once per model and reused for every penalty tried. */
function prepareFit(features: FeatureMap, data: TrainingData) {
  const design = data.x.map(features);
  const equations = normalEquations(design, data.y);
  // Penalise every coefficient except the intercept (index 0), as is usual for ridge.
  return (penalty: number): FittedModel => {
    const weights = solveRidge(equations, penalty, [0]);
    return { features, weights, penalty, trainingMse: meanSquaredError(design, data.y, weights) };
  };
}

/**
 * Finds the penalty at which a model's training error equals `targetMse`. Ridge training error
 * rises monotonically with the penalty, so bisection on log λ converges.
 */
function fitToTrainingError(fitWithPenalty: (penalty: number) => FittedModel, targetMse: number): FittedModel {
  let [low, high]: [number, number] = [...PENALTY_SEARCH_LOG10];
  let best = fitWithPenalty(10 ** low);
  if (best.trainingMse >= targetMse) return best;
  const loosest = fitWithPenalty(10 ** high);
  if (loosest.trainingMse <= targetMse) return loosest;
  for (let iteration = 0; iteration < 80; iteration++) {
    const middle = (low + high) / 2;
    const model = fitWithPenalty(10 ** middle);
    if (Math.abs(model.trainingMse - targetMse) < Math.abs(best.trainingMse - targetMse)) best = model;
    if (Math.abs(model.trainingMse - targetMse) <= 1e-6 * targetMse) break;
    if (model.trainingMse < targetMse) low = middle;
    else high = middle;
  }
  return best;
}

export interface TwoModelFit {
  noiseSd: number;
  data: TrainingData;
  cubic: FittedModel;
  relu: FittedModel;
  /** |MSE_relu − MSE_cubic| / MSE_cubic. */
  trainingMseRelativeGap: number;
  trainingMseMatched: boolean;
}

export function fitTwoModels(noiseSd: number, seed: number): TwoModelFit {
  const data = drawTrainingData(noiseSd, seed);
  const cubic = prepareFit(cubicFeatures, data)(CUBIC_PENALTY);
  const units = drawReluUnits(HIDDEN_UNITS, TRAINING_RANGE, seedFromString(`relu-units:${seed}`));
  const relu = fitToTrainingError(prepareFit(reluFeatures(units), data), cubic.trainingMse);
  const trainingMseRelativeGap = Math.abs(relu.trainingMse - cubic.trainingMse) / cubic.trainingMse;
  return { noiseSd, data, cubic, relu, trainingMseRelativeGap, trainingMseMatched: trainingMseRelativeGap <= TRAINING_MSE_TOLERANCE };
}

export function testRange(extension: number): [number, number] {
  return [TRAINING_RANGE[0] - extension, TRAINING_RANGE[1] + extension];
}

export interface CurvePoint {
  x: number;
  truth: number;
  cubic: number;
  relu: number;
}

export function sampleCurves(fit: TwoModelFit, range: readonly [number, number], points = 161): CurvePoint[] {
  const [low, high] = range;
  return Array.from({ length: points }, (_, i) => {
    const x = low + ((high - low) * i) / (points - 1);
    return { x, truth: trueFunction(x), cubic: predictWith(fit.cubic, x), relu: predictWith(fit.relu, x) };
  });
}

export interface TestReport {
  extension: number;
  range: [number, number];
  /**
   * Expected squared error on a fresh noisy observation at x drawn uniformly from the test range:
   * mean over a fine grid of (f̂(x) − f(x))², plus the noise variance σ². Exact, so it has no
   * sampling noise of its own.
   */
  cubicTestMse: number;
  reluTestMse: number;
  /** Root-mean-square difference between the two models over the test range. */
  disagreement: number;
}

export function evaluateTestRange(fit: TwoModelFit, extension: number, gridPoints = 401): TestReport {
  const range = testRange(extension);
  let cubicError = 0;
  let reluError = 0;
  let difference = 0;
  for (const point of sampleCurves(fit, range, gridPoints)) {
    cubicError += (point.cubic - point.truth) ** 2;
    reluError += (point.relu - point.truth) ** 2;
    difference += (point.cubic - point.relu) ** 2;
  }
  const noiseVariance = fit.noiseSd * fit.noiseSd;
  return {
    extension,
    range,
    cubicTestMse: cubicError / gridPoints + noiseVariance,
    reluTestMse: reluError / gridPoints + noiseVariance,
    disagreement: Math.sqrt(difference / gridPoints),
  };
}

/** Extensions at which the figure draws its test-error curve, 0 to the slider's maximum. */
const EXTENSION_GRID: readonly number[] = Array.from(
  { length: Math.round(GENERALISATION_LIMITS.extension.max / 0.05) + 1 },
  (_, i) => Math.round(i * 5) / 100,
);

export function testErrorCurve(fit: TwoModelFit, extensions: readonly number[] = EXTENSION_GRID): TestReport[] {
  return extensions.map((extension) => evaluateTestRange(fit, extension, 201));
}


export function clampGeneralisationParams(params: Partial<GeneralisationParams>): GeneralisationParams {
  return clampToLimits(params, GENERALISATION_LIMITS, ["seed"]);
}
