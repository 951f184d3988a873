// The named limits, with their defaults. Kept free of imports so lib/env.ts can check RATE_LIMITS
// overrides against these names. The counting itself is lib/security/rate-limit.ts.

export type RateLimitRule = {
  /** How many attempts a key may use in one window. */
  points: number;
  /** The window, in seconds, from a key's first attempt. */
  durationSeconds: number;
  /** Once the points are used up, the key waits this long (default: the rest of the window). */
  blockSeconds?: number;
  /** What is counted, for docs and error messages. */
  counts: string;
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const RATE_LIMIT_RULES = {
  // Failed sign-ins (and wrong current passwords on a password change) against one account, from anywhere.
  "sign-in-account": { points: 5, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE, counts: "failed sign-ins per account" },
  // Failed sign-ins from one client address, whatever the account: stops one machine guessing at many.
  "sign-in-address": { points: 30, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE, counts: "failed sign-ins per client address" },
  // Sign-ups from one client address. A class signing up together behind one school address needs more:
  // raise it with RATE_LIMITS=sign-up-address=60/1h (docs/operations.md).
  "sign-up-address": { points: 20, durationSeconds: HOUR, counts: "sign-ups per client address" },
  // Wrong class join codes per user (the classes feature).
  "class-join": { points: 10, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE, counts: "failed class joins per user" },
  // Wrong class join codes from one client address, whatever the account: stops one machine guessing with many accounts.
  "class-join-address": { points: 30, durationSeconds: 15 * MINUTE, blockSeconds: 15 * MINUTE, counts: "failed class joins per client address" },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMIT_RULES;
const RATE_LIMIT_NAMES = Object.keys(RATE_LIMIT_RULES) as RateLimitName[];

const UNITS: Record<string, number> = { s: 1, m: MINUTE, h: HOUR, d: 24 * HOUR };

/**
 * Parses RATE_LIMITS overrides: comma-separated `name=points/duration`, the duration a number with s, m,
 * h or d, e.g. "sign-up-address=60/1h,sign-in-address=100/15m". Throws naming the bad entry.
 */
export function parseRateLimitOverrides(text: string): Partial<Record<RateLimitName, { points: number; durationSeconds: number }>> {
  const overrides: Partial<Record<RateLimitName, { points: number; durationSeconds: number }>> = {};
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)\/(\d+)([smhd])$/.exec(entry);
    if (!match) throw new Error(`"${entry}" is not name=points/duration (e.g. sign-up-address=60/1h)`);
    const [, name, points, amount, unit] = match;
    if (!(RATE_LIMIT_NAMES as string[]).includes(name!)) throw new Error(`"${name}" is not a limit; the limits are ${RATE_LIMIT_NAMES.join(", ")}`);
    const parsed = { points: Number(points), durationSeconds: Number(amount) * UNITS[unit!]! };
    if (parsed.points < 1 || parsed.durationSeconds < 1) throw new Error(`"${entry}" must allow at least 1 attempt in at least 1 second`);
    overrides[name as RateLimitName] = parsed;
  }
  return overrides;
}
