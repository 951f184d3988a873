import "server-only";
// Join attempts are limited per account and per client address, in the shared database limiter
// (lib/security/rate-limit.ts), so the limits hold across instances. An attempt is reserved before the
// code is looked up, so parallel guesses cannot get past the limit; a code that works gives its
// reservation back, so only codes that did not work count. Guessing is what this stops: with 40-bit codes
// and these limits, see docs/teaching.md.
import { addressRateLimitKey } from "@/lib/server/client-address";
import { consume, refund } from "@/lib/security/rate-limit";

export type JoinReservation = { allowed: true; release(): Promise<void> } | { allowed: false; retryAfterMs: number };

/** Reserves one join attempt for this account and this address; `release()` when the code worked. */
export async function reserveJoinAttempt(userId: string, address: string): Promise<JoinReservation> {
  const byAccount = await consume("class-join", userId);
  if (!byAccount.allowed) return byAccount;
  const addressKey = addressRateLimitKey(address);
  const byAddress = await consume("class-join-address", addressKey);
  if (!byAddress.allowed) {
    await refund("class-join", userId);
    return byAddress;
  }
  return {
    allowed: true,
    release: async () => {
      await Promise.all([refund("class-join", userId), refund("class-join-address", addressKey)]);
    },
  };
}

export function describeJoinRetry(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many class codes that did not work. Check the code with your instructor and try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
