import "server-only";
// Sessions on the server: one Session row per sign-in, whose id the session JWT carries. A request is
// signed in only while its row exists and has not expired, so deleting rows ends sessions at once: sign-out
// (that row), "sign out everywhere" and a password change (the user's rows), a role change (all of them).
// Why a table rather than a per-user version number: docs/decisions/0012-sessions-and-sign-in-limits.md.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { SessionUser } from "./accounts";
import { isRole } from "./roles";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session ends after a week without use… */
export const SESSION_IDLE_MS = 7 * DAY_MS;
/** …and after 30 days in any case: then the learner signs in again. */
export const SESSION_ABSOLUTE_MS = 30 * DAY_MS;

/** When a session used at `now` should expire next: a full idle period on, but never past its absolute end. */
export function slidingExpiry(createdAt: Date, now: number): Date {
  return new Date(Math.min(now + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}

/** Renewing costs a write, so it happens only once less than half the idle period is left. */
export function renewalDue(expiresAt: Date, createdAt: Date, now: number): boolean {
  return expiresAt.getTime() - now < SESSION_IDLE_MS / 2 && slidingExpiry(createdAt, now).getTime() > expiresAt.getTime();
}

/** Starts a session for a user who just proved who they are; returns its id for the JWT. */
export async function startSession(userId: string, now = Date.now()): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  const createdAt = new Date(now);
  // Sign-in is a good moment to drop this user's sessions that have run out.
  await db().session.deleteMany({ where: { userId, expiresAt: { lt: createdAt } } });
  await db().session.create({ data: { id, userId, createdAt, expiresAt: slidingExpiry(createdAt, now) } });
  return id;
}

type SessionRow = { id: string; email: string; name: string; role: string; expiresAt: Date; createdAt: Date };

/**
 * The user of a live session, or null when the session was ended, has expired, or belongs to someone
 * else. Runs on every signed-in request: one primary-key lookup joined to the user, as raw SQL
 * (docs/decisions/0009-raw-sql-on-the-submission-hot-path.md); a write only when renewal is due.
 */
export async function readLiveSession(sessionId: string, userId: string, now = Date.now()): Promise<SessionUser | null> {
  const rows = await db().$queryRaw<SessionRow[]>`
    SELECT u."id", u."email", u."name", u."role", s."expiresAt", s."createdAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND s."userId" = ${userId}`;
  const row = rows[0];
  if (!row || !isRole(row.role)) return null;
  const expiresAt = new Date(row.expiresAt);
  if (expiresAt.getTime() <= now) return null;
  const createdAt = new Date(row.createdAt);
  if (renewalDue(expiresAt, createdAt, now)) {
    // One statement: Prisma's updateMany would read, then write, in a transaction (see lib/progress/progress.ts).
    await db().$executeRaw`UPDATE "Session" SET "expiresAt" = ${slidingExpiry(createdAt, now)} WHERE "id" = ${sessionId}`;
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** Ends one session (sign-out). */
export async function endSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user, or every one but `except`. Returns how many were ended. */
export async function endUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const ended = await db().session.deleteMany({ where: { userId, ...(options.except ? { id: { not: options.except } } : {}) } });
  return ended.count;
}

/** How many live sessions a user has, for the account page. */
export async function countLiveSessions(userId: string, now = Date.now()): Promise<number> {
  return db().session.count({ where: { userId, expiresAt: { gt: new Date(now) } } });
}
