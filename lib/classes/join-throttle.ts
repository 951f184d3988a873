// Join attempts with a code that does not work (unknown, disabled, or a closed class) are limited per
// account and per client address; a code that works is never held back. Guessing is what this stops:
// with 40-bit codes and these limits, see docs/teaching.md.
// The limiter is anything with check/recordFailure. Today that is lib/auth/rate-limit.ts's in-memory
// FailureRateLimiter (per process); the shared, database-backed limiter replaces it in joinThrottle() alone.
import { FailureRateLimiter } from "@/lib/auth/rate-limit";

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface FailureLimiter {
  check(key: string): ThrottleDecision | Promise<ThrottleDecision>;
  recordFailure(key: string): void | Promise<void>;
}

export const JOIN_LIMITS = {
  perAccount: { maxFailures: 10, windowMs: 15 * 60_000 },
  perAddress: { maxFailures: 30, windowMs: 15 * 60_000 },
} as const;

export class JoinThrottle {
  constructor(
    private readonly perAccount: FailureLimiter,
    private readonly perAddress: FailureLimiter,
  ) {}

  async check(userId: string, address: string): Promise<ThrottleDecision> {
    const byAccount = await this.perAccount.check(`join:user:${userId}`);
    if (!byAccount.allowed) return byAccount;
    return this.perAddress.check(`join:ip:${address}`);
  }

  async recordFailure(userId: string, address: string): Promise<void> {
    await this.perAccount.recordFailure(`join:user:${userId}`);
    await this.perAddress.recordFailure(`join:ip:${address}`);
  }
}

export function describeJoinRetry(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many class codes that did not work. Check the code with your instructor and try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The first address in X-Forwarded-For (set by the reverse proxy in front of the app), else "direct". */
export function clientAddress(forwardedFor: string | null): string {
  return forwardedFor?.split(",")[0]?.trim().slice(0, 100) || "direct";
}

const globalForThrottle = globalThis as unknown as { afJoinThrottle?: JoinThrottle };

export function joinThrottle(): JoinThrottle {
  globalForThrottle.afJoinThrottle ??= new JoinThrottle(new FailureRateLimiter(JOIN_LIMITS.perAccount), new FailureRateLimiter(JOIN_LIMITS.perAddress));
  return globalForThrottle.afJoinThrottle;
}
