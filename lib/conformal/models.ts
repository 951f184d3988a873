// The fixed "pre-trained" models of the brief (§6) and a model built from outside predictions.
import type { Model } from "./testers";

/** f(x) = 2x + 0.25·sin(6πx): the right trend with spurious wiggles (brief §6, 1-D increasing). */
export const wiggleModel: Model = (x) => 2 * x[0]! + 0.25 * Math.sin(6 * Math.PI * x[0]!);

/** f(x) = x − b·exp(−(x − 0.6)²/(2·0.08²)): a dip of depth b (brief §6, "a bias you can dial"). */
export function dipModel(depth: number): Model {
  return (x) => x[0]! - depth * Math.exp(-((x[0]! - 0.6) ** 2) / (2 * 0.08 ** 2));
}

/** f(x₀, x₁) = 1.5x₀ + x₁ + 0.3·sin(5πx₀)·(0.5 + x₁), meant to increase in x₀ (brief §6, 2-D). */
export const planeModel: Model = (x) => 1.5 * x[0]! + x[1]! + 0.3 * Math.sin(5 * Math.PI * x[0]!) * (0.5 + x[1]!);

/**
 * A 1-D model from outside predictions (x_j, f_j): linear interpolation between the given points and
 * constant beyond them, so counterfactual queries between data points can be answered.
 */
export function interpolatedModel(xs: readonly number[], predictions: readonly number[]): Model {
  if (xs.length !== predictions.length || xs.length === 0) throw new RangeError("need as many predictions as x values, at least one");
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const sortedX = order.map((i) => xs[i]!);
  const sortedF = order.map((i) => predictions[i]!);
  const last = sortedX.length - 1;
  return (x) => {
    const t = x[0]!;
    if (t <= sortedX[0]!) return sortedF[0]!;
    if (t >= sortedX[last]!) return sortedF[last]!;
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (sortedX[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const x0 = sortedX[lo]!;
    const x1 = sortedX[hi]!;
    if (x1 === x0) return sortedF[hi]!;
    const share = (t - x0) / (x1 - x0);
    return sortedF[lo]! + share * (sortedF[hi]! - sortedF[lo]!);
  };
}
