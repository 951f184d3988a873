// Counts failed sign-ins per key (an IP, an email) in a sliding window, and says when a key is locked out.
// In memory, per process: behind a load balancer each instance limits on its own (docs/operations.md).

export type RateLimitRule = { maxFailures: number; windowMs: number };
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class FailureRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): RateLimitDecision {
    const recent = this.recent(key);
    if (recent.length < this.rule.maxFailures) return { allowed: true };
    const oldest = recent[recent.length - this.rule.maxFailures]!;
    return { allowed: false, retryAfterMs: oldest + this.rule.windowMs - this.now() };
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    if (this.failures.size > 50_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.rule.windowMs;
    return (this.failures.get(key) ?? []).filter((time) => time > cutoff);
  }

  // Bounds memory under a spray of distinct keys.
  private prune(): void {
    for (const key of this.failures.keys()) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}

/** Checks several keys; the first one locked out decides. */
export function checkAll(limiters: [FailureRateLimiter, string][]): RateLimitDecision {
  for (const [limiter, key] of limiters) {
    const decision = limiter.check(key);
    if (!decision.allowed) return decision;
  }
  return { allowed: true };
}

export function describeRetry(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
