// The two-sample Kolmogorov–Smirnov statistic, a univariate test of the kind Rabanser, Günnemann
// & Lipton (2019) compare for detecting dataset shift, and an alarm threshold calibrated by simulation.

/** Ascending copy, for the statistic's sorted inputs. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** sup_x |F_a(x) − F_b(x)| for two samples, each sorted ascending. O(n + m). */
export function ksStatistic(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): number {
  const n = sortedA.length;
  const m = sortedB.length;
  if (n === 0 || m === 0) throw new RangeError("ksStatistic: both samples must be non-empty");
  let i = 0;
  let j = 0;
  let largest = 0;
  while (i < n && j < m) {
    // Step past every copy of the smallest remaining value in both samples before comparing,
    // so ties between the samples do not count as a difference.
    const value = Math.min(sortedA[i]!, sortedB[j]!);
    while (i < n && sortedA[i] === value) i++;
    while (j < m && sortedB[j] === value) j++;
    largest = Math.max(largest, Math.abs(i / n - j / m));
  }
  return largest;
}

/**
 * The alarm threshold for a false-alarm rate α from statistics computed on in-distribution
 * windows: the ⌈(1 − α)(M + 1)⌉-th smallest of the M statistics. A new in-distribution window
 * is exchangeable with the calibration windows, so P(statistic > threshold) ≤ α, and it is at
 * least α − 1/(M + 1) when there are no ties. If α is too small for M windows, never alarm.
 */
export function calibratedThreshold(sortedStatistics: ArrayLike<number>, falseAlarmRate: number): number {
  const m = sortedStatistics.length;
  const rank = Math.ceil((1 - falseAlarmRate) * (m + 1));
  return rank > m ? Number.POSITIVE_INFINITY : sortedStatistics[Math.max(rank, 1) - 1]!;
}
