// Conformal risk control (Angelopoulos, Bates, Fisch, Lei, Schuster, ICLR 2024, arXiv 2208.02814),
// the exact path for step losses. Formulas follow docs/conformal.md and the project brief, §1.
import { selectKthLargest } from "./select";

type CalibrationPath = "exact-step" | "grid-scan" | "grid-bisection";

export type CalibrationResult = {
  /** λ̂, or null when no finite λ̂ exists (Λ unbounded and the feasible set is empty). */
  lambdaHat: number | null;
  /** False when the feasible set is empty; λ̂ is then λ_max (or null when Λ is unbounded). */
  feasible: boolean;
  path: CalibrationPath;
  n: number;
  alpha: number;
  B: number;
  /** Empirical risk R̂ₙ(λ̂); null when λ̂ is null. */
  riskAtLambdaHat: number | null;
  /** The CRC left-hand side (n/(n+1))·R̂ₙ(λ̂) + B/(n+1); null when λ̂ is null. */
  boundAtLambdaHat: number | null;
};

export type StepCalibrationOptions = {
  /** Loss bound B of L_i(λ) = B·1{t_i > λ}; defaults to 1. */
  B?: number;
  /** sup Λ; omit for Λ = [0, ∞). */
  lambdaMax?: number;
};

/**
 * Relative tolerance for "this is a tie". α(n+1)/B picks up at most four roundings (jB and /(n+1)
 * when α was computed as jB/(n+1), then ·(n+1) and /B), each within half an ulp (2⁻⁵³ ≈ 1.1e-16), so a
 * true tie lands within 4.4e-16 of its integer (2.6e-16 was the worst seen). 4ε ≈ 8.9e-16 covers that
 * twice over, and an α that misses a tie by more than about 1e-15 is not taken for it.
 */
export const TIE_TOLERANCE = 4 * Number.EPSILON;

/**
 * The largest number of calibration losses that may still be "on" at λ̂:
 * m = ⌊α(n+1)/B − 1⌋, from (n/(n+1))·(B/n)·#{t_i > λ} + B/(n+1) ≤ α.
 * α(n+1)/B is the only floating-point step; it is snapped to a nearby integer (TIE_TOLERANCE) so
 * that a decimal α such as 0.29 with n + 1 = 100 counts as the exact tie it was meant to be.
 */
export function maxRejections(n: number, alpha: number, B = 1): number {
  const budget = (alpha * (n + 1)) / B;
  const nearest = Math.round(budget);
  const snapped = Math.abs(budget - nearest) <= TIE_TOLERANCE * Math.abs(budget) ? nearest : budget;
  return Math.floor(snapped) - 1;
}

/**
 * λ̂ = inf{ λ ≥ 0 : (n/(n+1))·R̂ₙ(λ) + B/(n+1) ≤ α } for L_i(λ) = B·1{t_i > λ}, counted in integers:
 * with m = maxRejections(n, α, B), λ̂ = max(0, t_(m+1)) where t_(1) ≥ t_(2) ≥ …;
 * m < 0 means no finite λ̂; m ≥ n means λ̂ = 0.
 */
export function calibrateStepLosses(
  thresholds: ArrayLike<number>,
  alpha: number,
  options: StepCalibrationOptions = {},
): CalibrationResult {
  const B = options.B ?? 1;
  const n = thresholds.length;
  assertCalibrationInputs(n, alpha, B);
  const lambdaMax = options.lambdaMax;
  if (lambdaMax !== undefined && !(lambdaMax >= 0 && Number.isFinite(lambdaMax))) {
    throw new RangeError(`lambdaMax must be a finite number ≥ 0 (Λ = [0, lambdaMax]), got ${lambdaMax}`);
  }
  const values = Float64Array.from(thresholds);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i]!)) throw new RangeError(`threshold ${i} is not a finite number`);
  }
  const m = maxRejections(n, alpha, B);
  let lambdaHat: number | null;
  let feasible = true;
  if (m < 0) {
    lambdaHat = null;
    feasible = false;
  } else if (m >= n) {
    lambdaHat = 0;
  } else {
    lambdaHat = Math.max(0, selectKthLargest(values, m + 1));
  }
  if (lambdaMax !== undefined && (lambdaHat === null || lambdaHat > lambdaMax)) {
    lambdaHat = lambdaMax;
    feasible = false;
  }
  return summarise(thresholds, lambdaHat, feasible, "exact-step", alpha, B);
}

/** R̂ₙ(λ) = (B/n)·#{t_i > λ} for step losses. */
export function stepRisk(thresholds: ArrayLike<number>, lambda: number, B = 1): number {
  return (B * countAbove(thresholds, lambda)) / thresholds.length;
}

/** #{i : t_i > λ}, the number of rejections at λ. */
function countAbove(thresholds: ArrayLike<number>, lambda: number): number {
  let count = 0;
  for (let i = 0; i < thresholds.length; i++) if (thresholds[i]! > lambda) count++;
  return count;
}

/** Does λ satisfy the CRC inequality for step losses? Decided by integer counting. */
export function isStepFeasible(thresholds: ArrayLike<number>, lambda: number, alpha: number, B = 1): boolean {
  return countAbove(thresholds, lambda) <= maxRejections(thresholds.length, alpha, B);
}

export function assertCalibrationInputs(n: number, alpha: number, B: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("need at least one calibration loss");
  if (!(alpha > 0 && alpha < B)) throw new RangeError(`alpha must lie in (0, B), got ${alpha}`);
  if (!(B > 0 && Number.isFinite(B))) throw new RangeError(`B must be positive and finite, got ${B}`);
}

function summarise(
  thresholds: ArrayLike<number>,
  lambdaHat: number | null,
  feasible: boolean,
  path: CalibrationPath,
  alpha: number,
  B: number,
): CalibrationResult {
  const n = thresholds.length;
  const risk = lambdaHat === null ? null : stepRisk(thresholds, lambdaHat, B);
  return {
    lambdaHat,
    feasible,
    path,
    n,
    alpha,
    B,
    riskAtLambdaHat: risk,
    boundAtLambdaHat: risk === null ? null : (n / (n + 1)) * risk + B / (n + 1),
  };
}
