// Ridge least squares by the normal equations and a Cholesky factorisation. The figures fit at
// most a few dozen coefficients to a few dozen points, so this is exact enough and instant.

/** Solves A x = b for a symmetric positive-definite A (row-major, n × n). */
export function solveCholesky(matrix: readonly number[][], rhs: readonly number[]): number[] {
  const n = rhs.length;
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error("solveCholesky: matrix is not positive definite");
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  const forward = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i]![k]! * forward[k]!;
    forward[i] = sum / lower[i]![i]!;
  }
  const solution = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = forward[i]!;
    for (let k = i + 1; k < n; k++) sum -= lower[k]![i]! * solution[k]!;
    solution[i] = sum / lower[i]![i]!;
  }
  return solution;
}

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
  const penalised = equations.gram.map((row, i) =>
    row.map((value, j) => (i === j && !unpenalised.includes(i) ? value + penalty : value)),
  );
  return solveCholesky(penalised, equations.moment);
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
