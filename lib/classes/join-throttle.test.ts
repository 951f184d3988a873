import { describe, expect, it } from "vitest";
import { FailureRateLimiter } from "@/lib/auth/rate-limit";
import { clientAddress, describeJoinRetry, JOIN_LIMITS, JoinThrottle } from "./join-throttle";

function throttleAt(clock: { now: number }) {
  const now = () => clock.now;
  return new JoinThrottle(new FailureRateLimiter(JOIN_LIMITS.perAccount, now), new FailureRateLimiter(JOIN_LIMITS.perAddress, now));
}

describe("join throttle", () => {
  it("holds an account back after 10 failed codes in 15 minutes, then lets it try again", async () => {
    const clock = { now: 0 };
    const throttle = throttleAt(clock);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await throttle.check("ada", "10.0.0.1")).allowed).toBe(true);
      await throttle.recordFailure("ada", "10.0.0.1");
    }
    const blocked = await throttle.check("ada", "10.0.0.9");
    expect(blocked.allowed).toBe(false);
    expect(blocked.allowed ? 0 : blocked.retryAfterMs).toBe(15 * 60_000);
    expect((await throttle.check("bob", "10.0.0.9")).allowed).toBe(true);
    clock.now += 15 * 60_000 + 1;
    expect((await throttle.check("ada", "10.0.0.1")).allowed).toBe(true);
  });

  it("holds an address back after 30 failures across accounts", async () => {
    const clock = { now: 0 };
    const throttle = throttleAt(clock);
    for (let attempt = 0; attempt < 30; attempt++) await throttle.recordFailure(`sock-${attempt}`, "203.0.113.7");
    expect((await throttle.check("fresh-account", "203.0.113.7")).allowed).toBe(false);
    expect((await throttle.check("fresh-account", "203.0.113.8")).allowed).toBe(true);
  });

  it("says when to try again, in minutes", () => {
    expect(describeJoinRetry(61_000)).toMatch(/try again in 2 minutes\.$/);
    expect(describeJoinRetry(1_000)).toMatch(/try again in 1 minute\.$/);
  });

  it("reads the client address from X-Forwarded-For", () => {
    expect(clientAddress("203.0.113.7, 10.0.0.1")).toBe("203.0.113.7");
    expect(clientAddress(null)).toBe("direct");
    expect(clientAddress("")).toBe("direct");
  });
});
