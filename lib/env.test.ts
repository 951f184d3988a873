import { describe, expect, it } from "vitest";
import { databaseTarget, EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/app.db");
    expect(env.NODE_ENV).toBe("development");
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it("reads CONTENT_OUTPUT_DIR, .content by default, and refuses a value that is not a path", () => {
    expect(parseEnv({}).CONTENT_OUTPUT_DIR).toBe(".content");
    expect(parseEnv({ CONTENT_OUTPUT_DIR: "/srv/af/content" }).CONTENT_OUTPUT_DIR).toBe("/srv/af/content");
    expect(() => parseEnv({ CONTENT_OUTPUT_DIR: "out\nput" })).toThrow(/CONTENT_OUTPUT_DIR must be a directory path/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", NEXTAUTH_SECRET: "" }).DATABASE_URL).toBe("file:./data/app.db");
  });

  it("names the variable when a database URL has an unknown scheme", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with file:/);
  });

  it("rejects a short secret and a relative NEXTAUTH_URL", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET must be at least 32/);
    expect(() => parseEnv({ NEXTAUTH_URL: "localhost" })).toThrow(/NEXTAUTH_URL/);
  });

  it("requires the GitHub pair together", () => {
    expect(() => parseEnv({ GITHUB_ID: "abc" })).toThrow(/GITHUB_ID set both/);
    expect(parseEnv({ GITHUB_ID: "abc", GITHUB_SECRET: "def" }).GITHUB_ID).toBe("abc");
  });

  it("accepts PostgreSQL URLs in both spellings", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h/db" }).DATABASE_URL).toBe("postgres://u@h/db");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h/db" }).DATABASE_URL).toBe("postgresql://u@h/db");
  });
});

describe("databaseTarget", () => {
  it("splits SQLite file URLs and passes PostgreSQL URLs through", () => {
    expect(databaseTarget("file:./data/app.db")).toEqual({ provider: "sqlite", url: "file:./data/app.db", file: "./data/app.db" });
    expect(databaseTarget("postgres://h/db")).toEqual({ provider: "postgresql", url: "postgres://h/db" });
  });

  it("reads TRUSTED_PROXIES as a list and refuses entries that are not addresses or ranges", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: " 10.0.0.0/8, loopback ,2001:db8::/32" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "loopback", "2001:db8::/32"]);
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES must list addresses/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("reads RATE_LIMITS overrides and names a bad one", () => {
    expect(parseEnv({}).RATE_LIMITS).toEqual({});
    expect(parseEnv({ RATE_LIMITS: "sign-up-address=60/1h, sign-in-address=100/15m" }).RATE_LIMITS).toEqual({
      "sign-up-address": { points: 60, durationSeconds: 3600 },
      "sign-in-address": { points: 100, durationSeconds: 900 },
    });
    expect(() => parseEnv({ RATE_LIMITS: "sign-up=60/1h" })).toThrow(/RATE_LIMITS "sign-up" is not a limit/);
    expect(() => parseEnv({ RATE_LIMITS: "sign-up-address=60" })).toThrow(/RATE_LIMITS "sign-up-address=60" is not name=points\/duration/);
    expect(() => parseEnv({ RATE_LIMITS: "sign-up-address=0/1h" })).toThrow(/at least 1 attempt/);
  });
});
