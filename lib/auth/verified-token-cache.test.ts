import { describe, expect, it } from "vitest";
import { VerifiedTokenCache } from "./verified-token-cache";

describe("VerifiedTokenCache", () => {
  it("returns the user of a remembered token until the token expires", () => {
    let now = 1_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.remember("token-a", "user-a", 2_000);
    expect(cache.get("token-a")).toBe("user-a");
    now = 1_999;
    expect(cache.get("token-a")).toBe("user-a");
    now = 2_000;
    expect(cache.get("token-a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never remembers a token that has already expired", () => {
    const cache = new VerifiedTokenCache(10, () => 5_000);
    cache.remember("old", "user", 5_000);
    cache.remember("no-expiry", "user", Number.NaN);
    expect(cache.get("old")).toBeUndefined();
    expect(cache.get("no-expiry")).toBeUndefined();
  });

  it("does not confuse tokens that differ by one character", () => {
    const cache = new VerifiedTokenCache(10, () => 0);
    cache.remember("abc", "user-1", 10);
    expect(cache.get("abd")).toBeUndefined();
  });

  it("stays within its bound and evicts the least recently used token", () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.remember("a", "1", 10);
    cache.remember("b", "2", 10);
    expect(cache.get("a")).toBe("1"); // a is now the most recent
    cache.remember("c", "3", 10);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("1");
    expect(cache.get("c")).toBe("3");
  });
});
