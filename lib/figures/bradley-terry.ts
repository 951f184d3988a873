// Maximum-likelihood Bradley–Terry rewards from pairwise comparisons (Bradley & Terry, 1952):
// P(i ≻ j) = σ(r_i − r_j). Only differences are identified, so a weak Gaussian prior pins the
// shift (its optimum has mean zero) and keeps rewards finite when a response wins every
// comparison it appears in. The fit is damped Newton ascent, which with a dozen responses
// converges in a handful of steps and, with backtracking, never lowers the objective.
import { flatten, solveCholesky } from "@/lib/math/cholesky";

/** Prior precision λ: rewards ~ N(0, 1/λ). Weak enough that a few dozen comparisons outweigh it. */
const DEFAULT_PRIOR_PRECISION = 0.1;

/** Win counts: `wins[i][j]` is how often response i was preferred to response j. */
export type WinCounts = readonly (readonly number[])[];

export function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** log σ(x) without overflow for large |x|. */
export function logLogistic(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Σ_{i,j} wins[i][j] · log σ(r_i − r_j): the Bradley–Terry log-likelihood of the comparisons. */
export function logLikelihood(wins: WinCounts, rewards: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < rewards.length; i++) {
    for (let j = 0; j < rewards.length; j++) {
      const count = wins[i]![j]!;
      if (count > 0) total += count * logLogistic(rewards[i]! - rewards[j]!);
    }
  }
  return total;
}

/** The objective the fit maximises: log-likelihood plus the log prior, −λ/2 · Σ r². */
export function logPosterior(wins: WinCounts, rewards: readonly number[], priorPrecision = DEFAULT_PRIOR_PRECISION): number {
  return logLikelihood(wins, rewards) - (priorPrecision / 2) * rewards.reduce((sum, r) => sum + r * r, 0);
}

export interface BradleyTerryFit {
  rewards: number[];
  /** The objective after each accepted step, starting from all rewards at zero. */
  objectiveTrace: number[];
  iterations: number;
  converged: boolean;
}

export interface FitOptions {
  priorPrecision?: number;
  maxIterations?: number;
  /** Stop when the Newton decrement gᵀH⁻¹g / 2 (the predicted gain) falls below this. */
  tolerance?: number;
}

export function fitBradleyTerry(wins: WinCounts, options: FitOptions = {}): BradleyTerryFit {
  const { priorPrecision = DEFAULT_PRIOR_PRECISION, maxIterations = 100, tolerance = 1e-12 } = options;
  if (!(priorPrecision > 0)) throw new RangeError("fitBradleyTerry: priorPrecision must be positive");
  const n = wins.length;
  let rewards = new Array<number>(n).fill(0);
  let objective = logPosterior(wins, rewards, priorPrecision);
  const objectiveTrace = [objective];

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Gradient g and the negated Hessian A (a weighted graph Laplacian plus λI, so positive definite).
    const gradient = rewards.map((r) => -priorPrecision * r);
    const curvature = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? priorPrecision : 0)));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const total = wins[i]![j]! + wins[j]![i]!;
        if (total === 0) continue;
        const p = logistic(rewards[i]! - rewards[j]!);
        const residual = wins[i]![j]! - total * p;
        gradient[i]! += residual;
        gradient[j]! -= residual;
        const weight = total * p * (1 - p);
        curvature[i]![i]! += weight;
        curvature[j]![j]! += weight;
        curvature[i]![j]! -= weight;
        curvature[j]![i]! -= weight;
      }
    }
    const step = Array.from(solveCholesky(flatten(curvature), gradient));
    const decrement = step.reduce((sum, s, i) => sum + s * gradient[i]!, 0) / 2;
    if (decrement < tolerance) return { rewards, objectiveTrace, iterations: iteration - 1, converged: true };

    // Backtrack until the step gains at least a fraction of what the quadratic model predicts.
    let size = 1;
    let candidate = rewards;
    let candidateObjective = -Infinity;
    for (let halvings = 0; halvings < 40; halvings++, size /= 2) {
      candidate = rewards.map((r, i) => r + size * step[i]!);
      candidateObjective = logPosterior(wins, candidate, priorPrecision);
      if (candidateObjective >= objective + 1e-4 * size * 2 * decrement) break;
    }
    if (!(candidateObjective > objective)) return { rewards, objectiveTrace, iterations: iteration - 1, converged: true };
    rewards = candidate;
    objective = candidateObjective;
    objectiveTrace.push(objective);
  }
  return { rewards, objectiveTrace, iterations: maxIterations, converged: false };
}
