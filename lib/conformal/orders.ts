// Input orders that break naive quickselect pivots, for the selection tests and the benchmark.
import { createRandom } from "@/lib/random/seeded";

export const orderNames = ["random", "ascending", "descending", "sawtooth", "organ-pipe", "all-equal", "median-of-3-killer"] as const;
export type OrderName = (typeof orderNames)[number];

export function orderedValues(order: OrderName, n: number): Float64Array {
  const values = new Float64Array(n);
  const period = Math.max(2, Math.ceil(Math.sqrt(n)));
  const random = createRandom(n);
  for (let i = 0; i < n; i++) {
    values[i] =
      order === "random" ? random()
      : order === "ascending" ? i
      : order === "descending" ? n - i
      : order === "sawtooth" ? i % period
      : order === "organ-pipe" ? Math.min(i, n - 1 - i)
      : order === "all-equal" ? 0.5
      : 0;
  }
  if (order === "median-of-3-killer") fillMedianOfThreeKiller(values);
  return values;
}

/** Musser's sequence: every median-of-three of first, middle and last picks a value near the bottom. */
function fillMedianOfThreeKiller(values: Float64Array): void {
  const n = values.length;
  const k = Math.floor(n / 2);
  for (let i = 1; i <= k; i++) {
    if (i % 2 === 1) {
      values[i - 1] = i;
      values[i] = k + i;
    }
    values[k + i - 1] = 2 * i;
  }
  for (let i = 2 * k; i < n; i++) values[i] = i + 1;
}
