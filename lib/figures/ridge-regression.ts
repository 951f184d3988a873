// Ridge least squares by the normal equations and a Cholesky factorisation (lib/math/cholesky.ts).
// The figures fit at most a few dozen coefficients to a few dozen points, so this is exact enough and instant.
import { solveCholesky } from "@/lib/math/cholesky";

/** The cross-products XᵀX and Xᵀy, computed once so many penalties can be tried cheaply. */
export interface NormalEquations {
  gram: number[][];
  moment: number[];
}

export function normalEquations(design: readonly (readonly number[])[], targets: readonly number[]): NormalEquations {
  const p = design[0]?.length ?? 0;
  const gram = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const moment = new Array<number>(p).fill(0);
  design.forEach((row, r) => {
    for (let i = 0; i < p; i++) {
      moment[i]! += row[i]! * targets[r]!;
      for (let j = 0; j <= i; j++) gram[i]![j]! += row[i]! * row[j]!;
    }
  });
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) gram[j]![i] = gram[i]![j]!;
  return { gram, moment };
}

/** argmin_w ‖Xw − y‖² + λ Σ w_i², the sum skipping the `unpenalised` indices (such as an intercept). */
export function solveRidge(equations: NormalEquations, penalty: number, unpenalised: readonly number[] = []): number[] {
  const p = equations.moment.length;
  const penalised = new Float64Array(p * p);
  equations.gram.forEach((row, i) => row.forEach((value, j) => (penalised[i * p + j] = i === j && !unpenalised.includes(i) ? value + penalty : value)));
  return Array.from(solveCholesky(penalised, equations.moment));
}

export function predict(weights: readonly number[], features: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * features[i]!;
  return sum;
}

export function meanSquaredError(design: readonly (readonly number[])[], targets: readonly number[], weights: readonly number[]): number {
  let total = 0;
  design.forEach((row, r) => {
    const residual = predict(weights, row) - targets[r]!;
    total += residual * residual;
  });
  return total / targets.length;
}
