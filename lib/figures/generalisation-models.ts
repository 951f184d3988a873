// The two learners of the generalisation figure. Both are linear in their parameters, so both
// are fitted by ridge least squares; they differ only in the features they see, that is, in
// their inductive bias.
import { createRandom } from "@/lib/random/seeded";

export type FeatureMap = (x: number) => number[];

/** Model A: a cubic polynomial, 1, x, x², x³. */
export const cubicFeatures: FeatureMap = (x) => [1, x, x * x, x * x * x];

export interface ReluUnit {
  /** Where the unit's kink sits. */
  knot: number;
  /** +1 if the unit is active to the right of its knot, −1 if to the left. */
  direction: 1 | -1;
}

/**
 * Model B: a one-hidden-layer ReLU network whose hidden layer is random and frozen (random
 * features); only the output layer is trained. The knots lie inside the training range, so
 * beyond it every unit is linear and the network extrapolates along a straight line.
 */
export function drawReluUnits(count: number, range: readonly [number, number], seed: number): ReluUnit[] {
  const random = createRandom(seed);
  const [low, high] = range;
  return Array.from({ length: count }, () => ({
    knot: low + (high - low) * random(),
    direction: random() < 0.5 ? -1 : 1,
  }));
}

export function reluFeatures(units: readonly ReluUnit[]): FeatureMap {
  return (x) => [1, ...units.map(({ knot, direction }) => Math.max(0, direction * (x - knot)))];
}
