// k-th largest value by in-place selection: O(n) on average, so the exact CRC path
// avoids an O(n log n) sort (brief §1: "one sort or selection").

/** Returns the k-th largest value (k = 1 is the maximum). Reorders `values` in place. */
export function selectKthLargest(values: Float64Array, k: number): number {
  const n = values.length;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`k must be an integer in [1, ${n}], got ${k}`);
  }
  // The k-th largest is the (n - k)-th smallest, 0-indexed.
  const target = n - k;
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const pivot = medianOfThree(values, left, (left + right) >>> 1, right);
    // Hoare-style three-way partition around the pivot value.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = values[i]!;
      if (v < pivot) swap(values, lt++, i++);
      else if (v > pivot) swap(values, i, gt--);
      else i++;
    }
    if (target < lt) right = lt - 1;
    else if (target > gt) left = gt + 1;
    else return pivot;
  }
  return values[target]!;
}

function medianOfThree(values: Float64Array, a: number, b: number, c: number): number {
  const x = values[a]!;
  const y = values[b]!;
  const z = values[c]!;
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}
