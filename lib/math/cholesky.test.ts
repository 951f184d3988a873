import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flatten, solveCholesky } from "./cholesky";

describe("solveCholesky", () => {
  it("solves a symmetric positive-definite system", () => {
    const rows = [
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ];
    const solution = solveCholesky(flatten(rows), [1, 2, 3]);
    rows.forEach((row, i) => expect(row.reduce((sum, a, j) => sum + a * solution[j]!, 0)).toBeCloseTo([1, 2, 3][i]!, 9));
    expect(Array.from(solveCholesky([4, 2, 2, 3], [2, 1]))).toEqual([0.5, 0]);
  });

  it("solves AᵀA + I systems of any size to rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((p) => fc.tuple(fc.constant(p), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: p * p, maxLength: p * p }), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: p, maxLength: p }))), ([p, a, b]) => {
        const matrix = new Float64Array(p * p);
        for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
          let sum = i === j ? 1 : 0;
          for (let k = 0; k < p; k++) sum += a[k * p + i]! * a[k * p + j]!;
          matrix[i * p + j] = sum;
        }
        const x = solveCholesky(matrix, b);
        for (let i = 0; i < p; i++) {
          let row = 0;
          for (let j = 0; j < p; j++) row += matrix[i * p + j]! * x[j]!;
          expect(row).toBeCloseTo(b[i]!, 8);
        }
      }),
    );
  });

  it("refuses a matrix that is not positive definite, or not square", () => {
    expect(() => solveCholesky(flatten([[1, 2], [2, 1]]), [1, 1])).toThrow(/positive definite/);
    expect(() => solveCholesky([0, 0, 0, 0], [1, 1])).toThrow(/positive definite/);
    expect(() => solveCholesky([1, 0, 0], [1, 1])).toThrow(/2×2/);
  });
});
