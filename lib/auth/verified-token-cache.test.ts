import { describe, expect, it } from "vitest";
import { VerifiedTokenCache } from "./verified-token-cache";

const claims = (userId: string) => ({ userId, sessionId: `session-of-${userId}` });

describe("VerifiedTokenCache", () => {
  it("returns the claims of a remembered token until the token expires", () => {
    let now = 1_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.remember("token-a", claims("user-a"), 2_000);
    expect(cache.get("token-a")).toEqual(claims("user-a"));
    now = 1_999;
    expect(cache.get("token-a")).toEqual(claims("user-a"));
    now = 2_000;
    expect(cache.get("token-a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never remembers a token that has already expired", () => {
    const cache = new VerifiedTokenCache(10, () => 5_000);
    cache.remember("old", claims("user"), 5_000);
    cache.remember("no-expiry", claims("user"), Number.NaN);
    expect(cache.get("old")).toBeUndefined();
    expect(cache.get("no-expiry")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("does not confuse tokens that differ by one character", () => {
    const cache = new VerifiedTokenCache(10, () => 0);
    cache.remember("abc", claims("user-1"), 10);
    expect(cache.get("abd")).toBeUndefined();
  });

  it("stays within its bound and evicts the least recently used token", () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.remember("a", claims("1"), 10);
    cache.remember("b", claims("2"), 10);
    expect(cache.get("a")).toEqual(claims("1")); // a is now the most recent
    cache.remember("c", claims("3"), 10);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual(claims("1"));
    expect(cache.get("c")).toEqual(claims("3"));
  });

  it("holds 10,000 tokens by default, however many arrive", () => {
    const cache = new VerifiedTokenCache(undefined, () => 0);
    for (let i = 0; i < 12_000; i++) cache.remember(`t${i}`, claims(String(i)), 60_000);
    expect(cache.size).toBe(10_000);
    expect(cache.get("t0")).toBeUndefined();
    expect(cache.get("t11999")).toEqual(claims("11999"));
  });
});
