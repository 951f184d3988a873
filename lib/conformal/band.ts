// Splitting the calibrated width ŝ = λ⁻ + λ⁺ between the two sides of the band. The losses depend only
// on the sum (brief §2), so every split carries the same guarantee; symmetric is the default and the
// paper's Table 1 (λ⁻/λ⁺ ≈ 1.4–1.5) is one asymmetric choice.

export type BandHalfWidths = { lambdaMinus: number; lambdaPlus: number };

/** upperShare is the fraction of ŝ given to λ⁺ (0.5 = symmetric). */
export function splitWidth(width: number, upperShare = 0.5): BandHalfWidths {
  if (!(upperShare >= 0 && upperShare <= 1)) throw new RangeError("upperShare must lie in [0, 1]");
  if (!(width >= 0)) throw new RangeError("the band width must be non-negative");
  const lambdaPlus = width * upperShare;
  return { lambdaMinus: width - lambdaPlus, lambdaPlus };
}

/** The band F_λ(x) = [f(x) − λ⁻, f(x) + λ⁺] at each prediction. */
export function bandAt(predictions: ArrayLike<number>, half: BandHalfWidths): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(predictions.length);
  const upper = new Float64Array(predictions.length);
  for (let i = 0; i < predictions.length; i++) {
    lower[i] = predictions[i]! - half.lambdaMinus;
    upper[i] = predictions[i]! + half.lambdaPlus;
  }
  return { lower, upper };
}
