// Spearman's rank correlation: Pearson's correlation of the ranks, with tied values sharing
// their average rank.

/** Ranks 1..n, ties given the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

export function pearsonCorrelation(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError("pearsonCorrelation: lengths differ");
  const n = a.length;
  const meanA = a.reduce((s, x) => s + x, 0) / n;
  const meanB = b.reduce((s, x) => s + x, 0) / n;
  let cross = 0;
  let squaresA = 0;
  let squaresB = 0;
  for (let i = 0; i < n; i++) {
    cross += (a[i]! - meanA) * (b[i]! - meanB);
    squaresA += (a[i]! - meanA) ** 2;
    squaresB += (b[i]! - meanB) ** 2;
  }
  // A constant series carries no ordering at all; report no correlation rather than NaN.
  return squaresA === 0 || squaresB === 0 ? 0 : cross / Math.sqrt(squaresA * squaresB);
}

export function spearmanCorrelation(a: readonly number[], b: readonly number[]): number {
  return pearsonCorrelation(averageRanks(a), averageRanks(b));
}
