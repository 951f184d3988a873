import { describe, expect, it } from "vitest";
import { checkAll, describeRetry, FailureRateLimiter } from "./rate-limit";

function clock(start = 0) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("FailureRateLimiter", () => {
  it("allows up to the limit of failures, then locks the key out", () => {
    const c = clock();
    const limiter = new FailureRateLimiter({ maxFailures: 3, windowMs: 60_000 }, c.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.check("a").allowed).toBe(true);
      limiter.recordFailure("a");
    }
    expect(limiter.check("a")).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(limiter.check("b").allowed).toBe(true);
  });

  it("lets the key in again once the oldest failure leaves the window", () => {
    const c = clock();
    const limiter = new FailureRateLimiter({ maxFailures: 2, windowMs: 1_000 }, c.now);
    limiter.recordFailure("a");
    c.advance(400);
    limiter.recordFailure("a");
    expect(limiter.check("a")).toEqual({ allowed: false, retryAfterMs: 600 });
    c.advance(601);
    expect(limiter.check("a").allowed).toBe(true);
  });

  it("reset clears a key after a successful sign-in", () => {
    const limiter = new FailureRateLimiter({ maxFailures: 1, windowMs: 1_000 }, clock().now);
    limiter.recordFailure("a");
    expect(limiter.check("a").allowed).toBe(false);
    limiter.reset("a");
    expect(limiter.check("a").allowed).toBe(true);
  });

  it("checkAll denies when any key is locked", () => {
    const c = clock();
    const byIp = new FailureRateLimiter({ maxFailures: 5, windowMs: 1_000 }, c.now);
    const byEmail = new FailureRateLimiter({ maxFailures: 1, windowMs: 1_000 }, c.now);
    byEmail.recordFailure("x@example.com");
    expect(checkAll([[byIp, "1.2.3.4"], [byEmail, "x@example.com"]]).allowed).toBe(false);
    expect(checkAll([[byIp, "1.2.3.4"], [byEmail, "y@example.com"]]).allowed).toBe(true);
  });

  it("describes the wait in whole minutes", () => {
    expect(describeRetry(1)).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(describeRetry(125_000)).toBe("Too many failed sign-ins. Try again in 3 minutes.");
  });
});
