// k-th largest value by in-place selection, so the exact CRC path avoids a full sort. Introselect:
// quickselect with median-of-three pivots drawn at pseudo-random positions (so sorted, sawtooth and
// organ-pipe inputs behave like random ones: O(n) expected), a three-way partition (all-equal input
// is one pass), and a work budget past which the rest is finished by heap selection, so no input,
// however crafted, costs more than O(n log n).

/** Returns the k-th largest value (k = 1 is the maximum). Reorders `values` in place. */
export function selectKthLargest(values: Float64Array, k: number): number {
  const n = values.length;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`k must be an integer in [1, ${n}], got ${k}`);
  }
  // The k-th largest is the (n - k)-th smallest, 0-indexed.
  return selectKthSmallest(values, n - k);
}

/**
 * The value of rank `target` (0-indexed, ascending). `workBudget` is how many elements the partitions
 * may visit in total before heap selection takes over; the default, 8n, is about three times what
 * quickselect needs on average, so the fallback only runs on inputs built to defeat the pivots.
 */
export function selectKthSmallest(values: Float64Array, target: number, workBudget = 8 * values.length + 64): number {
  let left = 0;
  let right = values.length - 1;
  let work = 0;
  let state = (values.length ^ 0x9e3779b9) >>> 0 || 1;
  const randomIndex = () => {
    // xorshift32: fixed seed, so a run is reproducible; the budget covers an adversary who knows it.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return left + (state % (right - left + 1));
  };
  while (right > left) {
    work += right - left + 1;
    if (work > workBudget) return heapSelect(values, left, right, target);
    const pivot = medianOfThree(values[randomIndex()]!, values[randomIndex()]!, values[randomIndex()]!);
    // Three-way partition: [left, lt) < pivot, [lt, gt] = pivot, (gt, right] > pivot.
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

/**
 * The value of rank `target` within values[left..right], in O(m log m) for m = right − left + 1: a
 * heap keeps the smaller side (the target + 1 smallest, or the m − target largest).
 */
export function heapSelect(values: Float64Array, left: number, right: number, target: number): number {
  const rank = target - left;
  const m = right - left + 1;
  const keepSmallest = rank < m - rank;
  const size = keepSmallest ? rank + 1 : m - rank;
  // A max-heap of the smallest values seen, or (stored negated) a max-heap of the negated largest.
  const sign = keepSmallest ? 1 : -1;
  const heap = new Float64Array(size);
  for (let i = 0; i < size; i++) heap[i] = sign * values[left + i]!;
  for (let i = (size >>> 1) - 1; i >= 0; i--) siftDown(heap, i, size);
  for (let i = left + size; i <= right; i++) {
    const v = sign * values[i]!;
    if (v < heap[0]!) {
      heap[0] = v;
      siftDown(heap, 0, size);
    }
  }
  return sign * heap[0]!;
}

function siftDown(heap: Float64Array, start: number, size: number): void {
  let i = start;
  const v = heap[i]!;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! > heap[child]!) child++;
    if (heap[child]! <= v) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = v;
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}
