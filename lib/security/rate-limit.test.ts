// The named limits against a real (temporary) SQLite database: reservation is atomic under concurrency,
// a used-up key is refused with how long to wait, refunds and resets work, keys and limits are separate,
// and RATE_LIMITS overrides a rule. e2e/reliability/rate-limits.spec.ts runs the same store on PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";
import { RATE_LIMIT_RULES } from "./rate-limit-rules";

const file = path.join(mkdtempSync(path.join(tmpdir(), "af-rate-limit-")), "test.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.RATE_LIMITS = "class-join=3/2s";

const { db } = await import("@/lib/db/client");
const { consume, refund, reset, retryIn } = await import("./rate-limit");

beforeAll(async () => {
  const target = await sqliteTarget(file);
  await runMigrations(target, readMigrations("prisma/migrations"));
  await target.close();
});

afterAll(async () => {
  await db().$disconnect();
});

const key = () => randomUUID();

describe("consume", () => {
  it("allows the rule's points, then refuses with the time left", async () => {
    const email = key();
    const { points } = RATE_LIMIT_RULES["sign-in-account"];
    for (let i = 0; i < points; i++) expect(await consume("sign-in-account", email)).toEqual({ allowed: true, remaining: points - i - 1 });
    const refused = await consume("sign-in-account", email);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(14 * 60_000);
  });

  it("reserves atomically: 40 concurrent attempts, exactly the limit allowed", async () => {
    const address = key();
    const decisions = await Promise.all(Array.from({ length: 40 }, () => consume("sign-in-address", address)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(RATE_LIMIT_RULES["sign-in-address"].points);
  });

  it("keeps keys and limits apart", async () => {
    const shared = key();
    for (let i = 0; i < 5; i++) await consume("sign-in-account", shared);
    expect((await consume("sign-in-account", shared)).allowed).toBe(false);
    expect((await consume("sign-in-account", key())).allowed).toBe(true);
    expect((await consume("sign-in-address", shared)).allowed).toBe(true);
  });

  it("refund gives a point back; reset forgets the key", async () => {
    const email = key();
    for (let i = 0; i < 4; i++) await consume("sign-in-account", email);
    await refund("sign-in-account", email);
    expect(await consume("sign-in-account", email)).toEqual({ allowed: true, remaining: 1 });
    await reset("sign-in-account", email);
    expect(await consume("sign-in-account", email)).toEqual({ allowed: true, remaining: 4 });
  });

  it("applies a RATE_LIMITS override, and the key is let in again once its window has passed", async () => {
    const user = key();
    for (let i = 0; i < 3; i++) expect((await consume("class-join", user)).allowed).toBe(true);
    expect((await consume("class-join", user)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await consume("class-join", user)).allowed).toBe(true);
  });
});

describe("retryIn", () => {
  it("says the wait in whole minutes", () => {
    expect(retryIn(1)).toBe("Try again in 1 minute.");
    expect(retryIn(125_000)).toBe("Try again in 3 minutes.");
  });
});
