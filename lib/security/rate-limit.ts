import "server-only";
// Named rate limits, counted in the database so that every instance on one PostgreSQL (or the one
// process on SQLite) shares them: rate-limiter-flexible with its Prisma store, one row per limit and key
// in "RateLimiterFlexible". The store increments atomically (an INSERT … ON CONFLICT DO UPDATE through
// Prisma's upsert; checked with 40 concurrent calls on both databases in rate-limit.test.ts and
// e2e/reliability/rate-limits.spec.ts), so an attempt is reserved before the work it guards:
//
//   const decision = await consume("sign-in-account", email);
//   if (!decision.allowed) refuse(decision.retryAfterMs);
//   ...do the work; on success, refund() or reset() if success should not count...
//
// The rules and their defaults are in rate-limit-rules.ts; RATE_LIMITS overrides them (lib/env.ts).
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RATE_LIMIT_RULES, type RateLimitName } from "./rate-limit-rules";

export type { RateLimitName } from "./rate-limit-rules";
export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

const limiters = new Map<RateLimitName, RateLimiterPrisma>();

function limiter(name: RateLimitName): RateLimiterPrisma {
  let existing = limiters.get(name);
  if (!existing) {
    const rule: { points: number; durationSeconds: number; blockSeconds?: number } = RATE_LIMIT_RULES[name];
    const override = env().RATE_LIMITS[name];
    const points = override?.points ?? rule.points;
    const duration = override?.durationSeconds ?? rule.durationSeconds;
    existing = new RateLimiterPrisma({
      storeClient: db(),
      tableName: "rateLimiterFlexible", // the Prisma client's accessor for model RateLimiterFlexible
      keyPrefix: name,
      points,
      duration,
      // A lockout lasts as long as the rule says from the attempt that used up the last point.
      blockDuration: rule.blockSeconds === undefined ? 0 : (override?.durationSeconds ?? rule.blockSeconds),
    });
    limiters.set(name, existing);
  }
  return existing;
}

/** Reserves `points` for `key` under the named limit. Refused once the key has used up its points. */
export async function consume(name: RateLimitName, key: string, points = 1): Promise<RateLimitDecision> {
  try {
    const result = await limiter(name).consume(key, points);
    return { allowed: true, remaining: result.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1_000, error.msBeforeNext) };
    throw error; // the database failed: the caller's error handling answers, nothing is let through
  }
}

/** Gives back points reserved for an attempt that should not count (a sign-in that succeeded). */
export async function refund(name: RateLimitName, key: string, points = 1): Promise<void> {
  await limiter(name).reward(key, points);
}

/** Forgets a key's attempts (an account's failures after its owner signed in). */
export async function reset(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

/** "Try again in 3 minutes." */
export function retryIn(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Seconds for a Retry-After header. */
export function retryAfterSeconds(retryAfterMs: number): string {
  return String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}
