// CRC for general non-increasing losses on a finite grid Λ = {λ_0 < … < λ_G}. The exact step path
// in crc.ts is preferred whenever losses are indicator steps; this path reports itself by name.
import { assertCalibrationInputs, TIE_TOLERANCE, type CalibrationResult } from "./crc";

/** n non-increasing, right-continuous losses bounded by B. */
export type LossFamily = {
  n: number;
  B: number;
  lossAt: (i: number, lambda: number) => number;
};

export type GridCalibrationResult = CalibrationResult & {
  path: "grid-scan" | "grid-bisection";
  /** Number of grid points whose empirical risk was evaluated. */
  evaluations: number;
};

/** Step losses L_i(λ) = B·1{t_i > λ} as a family, for comparing the two paths. */
export function stepLossFamily(thresholds: ArrayLike<number>, B = 1): LossFamily {
  return { n: thresholds.length, B, lossAt: (i, lambda) => (thresholds[i]! > lambda ? B : 0) };
}

/**
 * Losses given as a table: values[i][j] = L_i(grid[j]). Between grid points the loss keeps its value
 * at the grid point on the left, so every loss is a right-continuous step function.
 */
export function lossTableFamily(grid: readonly number[], values: readonly (readonly number[])[], B: number): LossFamily {
  assertAscending(grid);
  values.forEach((row, i) => {
    if (row.length !== grid.length) throw new RangeError(`loss row ${i + 1} has ${row.length} values, the grid has ${grid.length}`);
    // CRC needs non-increasing losses; otherwise R̂ is not monotone and scan and bisection disagree.
    for (let j = 1; j < row.length; j++) {
      if (row[j]! > row[j - 1]!) {
        throw new RangeError(`loss row ${i + 1} increases between grid points ${j} and ${j + 1} (${row[j - 1]} → ${row[j]}); losses must be non-increasing in λ`);
      }
    }
  });
  return {
    n: values.length,
    B,
    lossAt: (i, lambda) => {
      const j = lastIndexAtOrBelow(grid, lambda);
      const row = values[i]!;
      return j < 0 ? row[0]! : row[j]!;
    },
  };
}

/** Evenly spaced grid of `points` values from `from` to `to` inclusive. */
export function linearGrid(from: number, to: number, points: number): number[] {
  if (points < 2) return [from];
  const step = (to - from) / (points - 1);
  return Array.from({ length: points }, (_, j) => (j === points - 1 ? to : from + j * step));
}

function empiricalRisk(family: LossFamily, lambda: number): number {
  return lossTotal(family, lambda) / family.n;
}

/** Σ L_i(λ), compensated (Neumaier), so its error stays a few ulps of the total, whatever n is. */
function lossTotal(family: LossFamily, lambda: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < family.n; i++) {
    const loss = family.lossAt(i, lambda);
    const next = sum + loss;
    compensation += Math.abs(sum) >= Math.abs(loss) ? sum - next + loss : loss - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * λ̂ = the smallest grid point with (n/(n+1))·R̂ₙ(λ) + B/(n+1) ≤ α (brief §1), or λ_max = the last grid
 * point, reported as infeasible, when none qualifies. "scan" walks up the grid; "bisection" uses the
 * monotonicity of R̂ₙ to halve the index range.
 */
export function calibrateOnGrid(
  family: LossFamily,
  alpha: number,
  grid: readonly number[],
  search: "scan" | "bisection" = "bisection",
): GridCalibrationResult {
  const { n, B } = family;
  assertCalibrationInputs(n, alpha, B);
  assertAscending(grid);
  let evaluations = 0;
  const feasibleAt = (j: number) => {
    evaluations++;
    return isFeasibleTotal(lossTotal(family, grid[j]!), n, alpha, B);
  };
  let found = -1;
  if (search === "scan") {
    for (let j = 0; j < grid.length; j++) {
      if (feasibleAt(j)) {
        found = j;
        break;
      }
    }
  } else if (feasibleAt(grid.length - 1)) {
    // Invariant: grid[hi] is feasible, and grid[lo] is not (or lo = -1).
    let lo = -1;
    let hi = grid.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (feasibleAt(mid)) hi = mid;
      else lo = mid;
    }
    found = hi;
  }
  const feasible = found >= 0;
  const lambdaHat = feasible ? grid[found]! : grid[grid.length - 1]!;
  const risk = empiricalRisk(family, lambdaHat);
  return {
    lambdaHat,
    feasible,
    path: search === "scan" ? "grid-scan" : "grid-bisection",
    n,
    alpha,
    B,
    riskAtLambdaHat: risk,
    boundAtLambdaHat: (n / (n + 1)) * risk + B / (n + 1),
    evaluations,
  };
}

/**
 * (n/(n+1))·R̂ + B/(n+1) ≤ α, written as Σ L_i + B ≤ α(n+1). Both sides carry a few roundings, so a
 * tie may land a few ulps on either side: the tolerance is TIE_TOLERANCE relative to the sides, which
 * are in units of B, so it scales with B (and an α 1e-9 below a tie is not taken for the tie).
 */
function isFeasibleTotal(total: number, n: number, alpha: number, B: number): boolean {
  const left = total + B;
  const budget = alpha * (n + 1);
  return left <= budget + TIE_TOLERANCE * Math.max(Math.abs(left), budget);
}

function assertAscending(grid: readonly number[]): void {
  if (grid.length === 0) throw new RangeError("the grid is empty");
  for (let j = 1; j < grid.length; j++) {
    if (!(grid[j]! > grid[j - 1]!)) throw new RangeError("grid values must be strictly increasing");
  }
}

function lastIndexAtOrBelow(grid: readonly number[], lambda: number): number {
  let lo = -1;
  let hi = grid.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid]! <= lambda) lo = mid;
    else hi = mid;
  }
  return lo;
}
