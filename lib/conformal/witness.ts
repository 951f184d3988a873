// Functions with the property inside the band, and the share ε of calibration points where they
// leave it (brief §3, §6). Inputs are sorted by the tested feature; lower/upper are the band edges.
import type { Direction } from "./testers";

export type WitnessFit = {
  values: Float64Array;
  /** 1 where the witness leaves the band [lower, upper]. */
  outside: Uint8Array;
  /** Share of points where the witness leaves the band: an upper bound on the best achievable ε. */
  epsilon: number;
};

const tolerance = 1e-12;

/**
 * The brief's monotone witness: for "increasing", g(x) = max over x′ ≤ x of (f(x′) − λ⁻), the least
 * increasing function above the lower edge (mirrored for "decreasing"). It leaves the band where g > f + λ⁺.
 */
export function envelopeWitness(lower: ArrayLike<number>, upper: ArrayLike<number>, direction: Direction): WitnessFit {
  const n = lower.length;
  const values = new Float64Array(n);
  let running = -Infinity;
  for (let step = 0; step < n; step++) {
    const i = direction === "increasing" ? step : n - 1 - step;
    running = Math.max(running, lower[i]!);
    values[i] = running;
  }
  return withMisfit(values, lower, upper);
}

/** Isotonic least-squares fit (pool adjacent violators) of `targets` in the given direction. */
export function isotonicRegression(targets: ArrayLike<number>, direction: Direction = "increasing"): Float64Array {
  const n = targets.length;
  const sign = direction === "increasing" ? 1 : -1;
  const means: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    means.push(sign * targets[i]!);
    weights.push(1);
    // Merge blocks while the last two violate the order.
    while (means.length > 1 && means[means.length - 2]! > means[means.length - 1]!) {
      const wb = weights.pop()!;
      const mb = means.pop()!;
      const wa = weights.pop()!;
      const ma = means.pop()!;
      means.push((ma * wa + mb * wb) / (wa + wb));
      weights.push(wa + wb);
    }
  }
  const fitted = new Float64Array(n);
  let index = 0;
  means.forEach((mean, block) => {
    for (let r = 0; r < weights[block]!; r++) fitted[index++] = sign * mean;
  });
  return fitted;
}

/** Isotonic regression of the band centre; where it leaves the band, clipping it back is what breaks order. */
export function isotonicWitness(lower: ArrayLike<number>, upper: ArrayLike<number>, direction: Direction): WitnessFit {
  const centre = Float64Array.from({ length: lower.length }, (_, i) => (lower[i]! + upper[i]!) / 2);
  return withMisfit(isotonicRegression(centre, direction), lower, upper);
}

/**
 * The concave witness: the least concave majorant of the lower edge (its upper convex hull), the
 * concave analogue of the running maximum. `xs` must be sorted ascending.
 */
export function concaveWitness(xs: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): WitnessFit {
  const n = xs.length;
  const hull: number[] = [];
  for (let i = 0; i < n; i++) {
    if (hull.length > 0 && xs[hull[hull.length - 1]!] === xs[i]) {
      // Same x: keep the higher point.
      if (lower[i]! > lower[hull[hull.length - 1]!]!) hull.pop();
      else continue;
    }
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      // Drop b when it lies on or below the chord from a to i.
      const cross = (xs[b]! - xs[a]!) * (lower[i]! - lower[a]!) - (lower[b]! - lower[a]!) * (xs[i]! - xs[a]!);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(i);
  }
  const values = new Float64Array(n);
  let segment = 0;
  for (let i = 0; i < n; i++) {
    while (segment < hull.length - 2 && xs[hull[segment + 1]!]! < xs[i]!) segment++;
    const a = hull[segment]!;
    const b = hull[Math.min(segment + 1, hull.length - 1)]!;
    const span = xs[b]! - xs[a]!;
    values[i] = span === 0 ? lower[a]! : lower[a]! + ((lower[b]! - lower[a]!) * (xs[i]! - xs[a]!)) / span;
  }
  return withMisfit(values, lower, upper);
}

/**
 * The exact ε on the empirical distribution: 1 − (largest share of points on which some monotone g
 * fits inside the band). A set of points admits such a g iff the running maximum of their lower edges
 * never exceeds an upper edge, so a DP over "current level" finds the best set in O(n·levels). Points count
 * as inside within the witnesses' rounding tolerance on either edge, hence the 2·tolerance.
 */
export function bestMonotoneMisfit(lower: ArrayLike<number>, upper: ArrayLike<number>, direction: Direction): number {
  const n = lower.length;
  if (n === 0) return 0;
  const levels = Float64Array.from(lower).sort();
  const best = new Int32Array(n).fill(-1); // best[j]: most points kept with running max = levels[j]
  for (let step = 0; step < n; step++) {
    const i = direction === "increasing" ? step : n - 1 - step;
    const level = lowerBound(levels, lower[i]!);
    let reach = 0; // from the empty set or any state at or below this point's lower edge
    for (let j = 0; j <= level; j++) if (best[j]! > reach) reach = best[j]!;
    for (let j = level + 1; j < n && levels[j]! <= upper[i]! + 2 * tolerance; j++) if (best[j]! >= 0) best[j] = best[j]! + 1;
    if (reach + 1 > best[level]!) best[level] = reach + 1;
  }
  let kept = 0;
  for (let j = 0; j < n; j++) if (best[j]! > kept) kept = best[j]!;
  return 1 - kept / n;
}

function withMisfit(values: Float64Array, lower: ArrayLike<number>, upper: ArrayLike<number>): WitnessFit {
  const n = values.length;
  const outside = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (values[i]! > upper[i]! + tolerance || values[i]! < lower[i]! - tolerance) {
      outside[i] = 1;
      count++;
    }
  }
  return { values, outside, epsilon: n === 0 ? 0 : count / n };
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
