// The one Cholesky solver: ridge regression in the figures (lib/figures/ridge-regression.ts), Newton
// steps of the Bradley–Terry fit and the logistic fit, and the sandbox's random-features model
// (lib/conformal/ridge.ts) all solve a small symmetric positive-definite system with it.

/** Solves A·x = b for a symmetric positive-definite p×p matrix A stored row-major (p = b.length). */
export function solveCholesky(matrix: ArrayLike<number>, rhs: ArrayLike<number>): Float64Array {
  const p = rhs.length;
  if (matrix.length !== p * p) throw new RangeError(`solveCholesky: a ${p}×${p} matrix needs ${p * p} entries, got ${matrix.length}`);
  const lower = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * p + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * p + k]! * lower[j * p + k]!;
      if (i === j) {
        if (!(sum > 0)) throw new RangeError("solveCholesky: the matrix is not positive definite");
        lower[i * p + i] = Math.sqrt(sum);
      } else {
        lower[i * p + j] = sum / lower[j * p + j]!;
      }
    }
  }
  const forward = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k++) sum -= lower[i * p + k]! * forward[k]!;
    forward[i] = sum / lower[i * p + i]!;
  }
  const solution = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = forward[i]!;
    for (let k = i + 1; k < p; k++) sum -= lower[k * p + i]! * solution[k]!;
    solution[i] = sum / lower[i * p + i]!;
  }
  return solution;
}

/** A row-major copy of a square matrix given as rows. */
export function flatten(rows: readonly (readonly number[])[]): Float64Array {
  const p = rows.length;
  const flat = new Float64Array(p * p);
  rows.forEach((row, i) => {
    for (let j = 0; j < p; j++) flat[i * p + j] = row[j]!;
  });
  return flat;
}
