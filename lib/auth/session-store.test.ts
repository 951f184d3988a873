// Session rows against a real (temporary) SQLite database: a session is live until it is ended or
// expires, renewal slides the idle expiry but never past the absolute end, and ending sessions can spare
// the current one. The e2e suites (sessions.spec.ts) run the same code on PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";

const file = path.join(mkdtempSync(path.join(tmpdir(), "af-sessions-")), "test.db");
process.env.DATABASE_URL = `file:${file}`;

const { db } = await import("@/lib/db/client");
const store = await import("./session-store");
const { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, countLiveSessions, endSession, endUserSessions, readLiveSession, renewalDue, slidingExpiry, startSession } = store;

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  const target = await sqliteTarget(file);
  await runMigrations(target, readMigrations("prisma/migrations"));
  await target.close();
});

afterAll(async () => {
  await db().$disconnect();
});

async function learner(role = "student") {
  const id = randomUUID();
  await db().user.create({ data: { id, email: `${id}@example.com`, name: "Session learner", role } });
  return id;
}

describe("slidingExpiry and renewalDue", () => {
  const created = new Date(0);
  it("gives a full idle period, capped by the absolute lifetime", () => {
    expect(slidingExpiry(created, 0).getTime()).toBe(SESSION_IDLE_MS);
    expect(slidingExpiry(created, 29 * DAY).getTime()).toBe(SESSION_ABSOLUTE_MS);
  });

  it("renews only once less than half the idle period is left, and never past the absolute end", () => {
    expect(renewalDue(new Date(7 * DAY), created, 1 * DAY)).toBe(false);
    expect(renewalDue(new Date(7 * DAY), created, 4 * DAY)).toBe(true);
    expect(renewalDue(new Date(SESSION_ABSOLUTE_MS), created, 28 * DAY)).toBe(false);
  });
});

describe("session rows", () => {
  it("a started session is live, with the user's current role", async () => {
    const userId = await learner();
    const sessionId = await startSession(userId);
    expect(await readLiveSession(sessionId, userId)).toMatchObject({ id: userId, role: "student" });
    await db().user.update({ where: { id: userId }, data: { role: "instructor" } });
    expect(await readLiveSession(sessionId, userId)).toMatchObject({ role: "instructor" });
  });

  it("is not live for another user, after it ends, or once it has expired", async () => {
    const userId = await learner();
    const other = await learner();
    const sessionId = await startSession(userId);
    expect(await readLiveSession(sessionId, other)).toBeNull();
    expect(await readLiveSession(sessionId, userId, Date.now() + SESSION_IDLE_MS + 1)).toBeNull();
    await endSession(sessionId);
    expect(await readLiveSession(sessionId, userId)).toBeNull();
  });

  it("slides its expiry forward when used late in its idle period", async () => {
    const userId = await learner();
    const start = Date.now();
    const sessionId = await startSession(userId, start);
    const later = start + 5 * DAY;
    expect(await readLiveSession(sessionId, userId, later)).not.toBeNull();
    const row = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime()).toBe(later + SESSION_IDLE_MS);
    // …so it is still live a week after the first sign-in.
    expect(await readLiveSession(sessionId, userId, start + 8 * DAY)).not.toBeNull();
    expect(await readLiveSession(sessionId, userId, start + SESSION_ABSOLUTE_MS + 1)).toBeNull();
  });

  it("ends every session of a user, or every one but the current", async () => {
    const userId = await learner();
    const bystander = await learner();
    const [current, phone, laptop] = [await startSession(userId), await startSession(userId), await startSession(userId)];
    const theirs = await startSession(bystander);
    expect(await endUserSessions(userId, { except: current })).toBe(2);
    expect(await readLiveSession(current, userId)).not.toBeNull();
    expect(await readLiveSession(phone, userId)).toBeNull();
    expect(await readLiveSession(laptop, userId)).toBeNull();
    expect(await countLiveSessions(userId)).toBe(1);
    expect(await endUserSessions(userId)).toBe(1);
    expect(await readLiveSession(theirs, bystander)).not.toBeNull();
  });

  it("deletes a user's expired sessions at their next sign-in", async () => {
    const userId = await learner();
    const old = await startSession(userId, Date.now() - 40 * DAY);
    await startSession(userId);
    expect(await db().session.findUnique({ where: { id: old } })).toBeNull();
  });
});
