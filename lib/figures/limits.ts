// One clamp for every figure and the sandbox, and one way to bring a prop or URL value into a
// slider's range.

export type Limit = { readonly min: number; readonly max: number; readonly step?: number; readonly initial: number };

/** value held to [min, max]; a value that is not a finite number (NaN, ±∞ from a hand-edited URL) becomes min. */
export function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

/** Every parameter into its limit: the initial value when it is missing, rounded when it counts something. */
export function clampToLimits<K extends string>(
  params: Partial<Record<NoInfer<K>, number>>,
  limits: Readonly<Record<K, Limit>>,
  integers: readonly NoInfer<K>[] = [],
): Record<K, number> {
  const clamped = {} as Record<K, number>;
  for (const key of Object.keys(limits) as K[]) {
    const { min, max, initial } = limits[key];
    const value = clamp(params[key] ?? initial, min, max);
    clamped[key] = integers.includes(key) ? Math.round(value) : value;
  }
  return clamped;
}
