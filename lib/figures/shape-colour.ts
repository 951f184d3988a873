// Same learner, different data, different rule: the shape/colour toy of lesson 3 as a trainable
// model. Each image has a shape (circle or square; the label is the shape) and a colour (red or
// blue). The learner sees two features: how round the image looks (the shape, seen through noise)
// and how red it is (the colour, seen clearly). In the base training set every circle is red and
// every square blue, so colour predicts the label perfectly and is the easier cue. Adding a few
// decorrelated images (red squares, blue circles, labelled by shape), or weighting them more,
// changes which rule the very same learner picks up. The learner never changes: logistic regression
// on the two features with a fixed ridge penalty, fitted by Newton's method.
import { solveCholesky } from "@/lib/math/cholesky";
import { createNormal, createRandom, seedFromString } from "@/lib/random/seeded";
import { clampToLimits } from "./limits";
import { normalCdf } from "./normal-distribution";

export const SHAPE_COLOUR_LIMITS = {
  added: { min: 0, max: 60, step: 2, initial: 0 },
  weight: { min: 1, max: 20, step: 1, initial: 1 },
  seed: { min: 1, max: 100, step: 1, initial: 1 },
} as const;

export interface ShapeColourParams {
  /** Decorrelated images added to the training set, in pairs: a red square and a blue circle. */
  added: number;
  /** Weight of each added image in the training loss (1 = an ordinary image). */
  weight: number;
  seed: number;
}

/** Base training images: half red circles, half blue squares. */
export const BASE_COUNT = 200;
/** Roundness is +1 for a circle and −1 for a square, seen through noise of this size: the shape is hard to see. */
export const SHAPE_NOISE = 0.8;
/** Redness is +1 for red and −1 for blue, seen through little noise: the colour is easy to see. */
export const COLOUR_NOISE = 0.15;
/** The learner's ridge penalty on its two feature weights (the intercept is not penalised). */
export const PENALTY = 1;

export type Shape = "circle" | "square";
export type Colour = "red" | "blue";

export interface TrainingImage {
  shape: Shape;
  colour: Colour;
  roundness: number;
  redness: number;
  /** Weight in the training loss. */
  weight: number;
  /** True for the added images whose colour breaks the base pairing. */
  added: boolean;
}

/** The learned rule: circle when bias + shapeWeight·roundness + colourWeight·redness > 0. */
export interface Classifier {
  bias: number;
  shapeWeight: number;
  colourWeight: number;
  iterations: number;
}

export interface ShapeColourReport {
  params: ShapeColourParams;
  classifier: Classifier;
  /** Accuracy on fresh images paired as in training (circles red, squares blue). */
  trainingLikeAccuracy: number;
  /** Accuracy on fresh images with the pairing reversed (red squares, blue circles): the two rules disagree on every one. */
  conflictAccuracy: number;
  /** Accuracy when colour is independent of shape (half of each kind). */
  independentAccuracy: number;
  /** Share of the decision that rests on colour: |colour weight| / (|shape weight| + |colour weight|). */
  colourShare: number;
  /** The added images' share of the total training weight. */
  addedShare: number;
  rule: LearnedRule;
}

export type LearnedRule = "colour" | "shape" | "mixed" | "reversed-colour";

/** Parameters into range; added images come in pairs, so that adding them never tilts the classes. */
export function clampShapeColourParams(params: Partial<ShapeColourParams>): ShapeColourParams {
  const clamped = clampToLimits(params, SHAPE_COLOUR_LIMITS, ["weight", "seed"]);
  return { ...clamped, added: 2 * Math.round(clamped.added / 2) };
}

const sign = (shape: Shape) => (shape === "circle" ? 1 : -1);
const colourSign = (colour: Colour) => (colour === "red" ? 1 : -1);

/**
 * The base images and the first `added` of a fixed pool of decorrelated ones. Both come from their
 * own seeded streams, so moving a slider adds or reweights images and never redraws the others.
 */
export function trainingSet({ added, weight, seed }: ShapeColourParams): TrainingImage[] {
  const image = (normal: () => number, shape: Shape, colour: Colour, imageWeight: number, isAdded: boolean): TrainingImage => ({
    shape,
    colour,
    roundness: sign(shape) + SHAPE_NOISE * normal(),
    redness: colourSign(colour) + COLOUR_NOISE * normal(),
    weight: imageWeight,
    added: isAdded,
  });
  const base = createNormal(createRandom(seedFromString(`shape-colour:${seed}:base`)));
  const images = Array.from({ length: BASE_COUNT }, (_, i) => (i % 2 === 0 ? image(base, "circle", "red", 1, false) : image(base, "square", "blue", 1, false)));
  const pool = createNormal(createRandom(seedFromString(`shape-colour:${seed}:added`)));
  for (let i = 0; i < SHAPE_COLOUR_LIMITS.added.max; i++) {
    const next = i % 2 === 0 ? image(pool, "square", "red", weight, true) : image(pool, "circle", "blue", weight, true);
    if (i < added) images.push(next);
  }
  return images;
}

/**
 * Weighted logistic regression with a ridge penalty on the two feature weights: minimises
 * Σ wᵢ·log(1 + exp(−yᵢ·(b + a·roundnessᵢ + c·rednessᵢ))) + (PENALTY/2)·(a² + c²), by Newton's method.
 * The objective is strictly convex, so the minimiser is unique: the rule depends on the data alone.
 */
export function fitClassifier(images: readonly TrainingImage[], penalty = PENALTY): Classifier {
  let theta = [0, 0, 0];
  for (let iteration = 1; iteration <= 100; iteration++) {
    const gradient = [0, penalty * theta[1]!, penalty * theta[2]!];
    const hessian = new Float64Array([0, 0, 0, 0, penalty, 0, 0, 0, penalty]);
    for (const image of images) {
      const x = [1, image.roundness, image.redness];
      const y = sign(image.shape);
      const margin = y * (theta[0]! + theta[1]! * x[1]! + theta[2]! * x[2]!);
      const p = 1 / (1 + Math.exp(margin)); // σ(−margin)
      for (let i = 0; i < 3; i++) {
        gradient[i]! -= image.weight * y * p * x[i]!;
        for (let j = 0; j < 3; j++) hessian[i * 3 + j]! += image.weight * p * (1 - p) * x[i]! * x[j]!;
      }
    }
    const step = solveCholesky(hessian, gradient);
    theta = theta.map((value, i) => value - step[i]!);
    if (Math.hypot(...step) < 1e-12 * (1 + Math.hypot(...theta))) return { bias: theta[0]!, shapeWeight: theta[1]!, colourWeight: theta[2]!, iterations: iteration };
  }
  return { bias: theta[0]!, shapeWeight: theta[1]!, colourWeight: theta[2]!, iterations: 100 };
}

/**
 * The chance the classifier labels a fresh image of this shape and colour correctly, in closed form:
 * its score is normal with mean b + a·(±1) + c·(±1) and variance a²·SHAPE_NOISE² + c²·COLOUR_NOISE².
 */
export function accuracyFor(classifier: Classifier, shape: Shape, colour: Colour): number {
  const { bias, shapeWeight: a, colourWeight: c } = classifier;
  const mean = bias + a * sign(shape) + c * colourSign(colour);
  const sd = Math.hypot(a * SHAPE_NOISE, c * COLOUR_NOISE);
  if (sd === 0) return mean * sign(shape) > 0 ? 1 : mean === 0 ? 0.5 : 0;
  return normalCdf((sign(shape) * mean) / sd);
}

export function evaluate(params: ShapeColourParams): ShapeColourReport {
  const images = trainingSet(params);
  const classifier = fitClassifier(images);
  const trainingLikeAccuracy = (accuracyFor(classifier, "circle", "red") + accuracyFor(classifier, "square", "blue")) / 2;
  const conflictAccuracy = (accuracyFor(classifier, "circle", "blue") + accuracyFor(classifier, "square", "red")) / 2;
  const colourShare = Math.abs(classifier.colourWeight) / (Math.abs(classifier.shapeWeight) + Math.abs(classifier.colourWeight));
  const addedWeight = params.added * params.weight;
  return {
    params,
    classifier,
    trainingLikeAccuracy,
    conflictAccuracy,
    independentAccuracy: (trainingLikeAccuracy + conflictAccuracy) / 2,
    colourShare,
    addedShare: addedWeight / (BASE_COUNT + addedWeight),
    rule: ruleOf(trainingLikeAccuracy, conflictAccuracy),
  };
}

/**
 * Which rule the classifier follows, read off the images on which shape and colour disagree (conflict)
 * and those paired as in training: by colour when it gets most conflicting images wrong; by shape when
 * it gets most right without doing worse on the training pairing; over-corrected when it now leans on
 * the reversed pairing (better on conflicting images than on training-like ones by more than 10 points).
 */
export function ruleOf(trainingLike: number, conflict: number): LearnedRule {
  if (conflict < 0.25) return "colour";
  if (conflict > 0.75) return trainingLike - conflict >= -0.1 ? "shape" : "reversed-colour";
  return "mixed";
}

/** The report for every number of added images (0, 2, …, 60), at the current weight and seed. */
export function addedCurve(params: ShapeColourParams): ShapeColourReport[] {
  const { min, max, step } = SHAPE_COLOUR_LIMITS.added;
  return Array.from({ length: (max - min) / step + 1 }, (_, i) => evaluate({ ...params, added: min + i * step }));
}
