import "server-only";
// Reading progress: lessons completed, the last lesson visited and its section, per user.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";

export type LessonProgressView = { lessonSlug: string; completed: boolean; lastVisitedAt: string; lastSection: string | null };
export type ResumePoint = { courseSlug: string; lessonSlug: string; section: string | null };

export async function markLessonComplete(userId: string, courseSlug: string, lessonSlug: string): Promise<void> {
  await setLessonComplete(userId, courseSlug, lessonSlug, true);
}

// The writes below are single INSERT … ON CONFLICT statements, which SQLite and PostgreSQL read the same
// way. Prisma's upsert instead reads, then writes, inside a transaction: on PostgreSQL two requests for the
// same new row could both miss the read (the loser's insert hit the unique index), and on SQLite the adapter
// admits one transaction at a time, so concurrent upserts waited for each other. One statement does neither.

/** Completing twice keeps the first completion time; un-completing clears it. A new row counts as a visit. */
export async function setLessonComplete(userId: string, courseSlug: string, lessonSlug: string, complete: boolean): Promise<void> {
  const now = new Date();
  if (complete) {
    await db().$executeRaw`
      INSERT INTO "LessonProgress" ("id", "userId", "courseSlug", "lessonSlug", "completedAt", "lastVisitedAt")
      VALUES (${randomUUID()}, ${userId}, ${courseSlug}, ${lessonSlug}, ${now}, ${now})
      ON CONFLICT ("userId", "courseSlug", "lessonSlug") DO UPDATE SET "completedAt" = COALESCE("LessonProgress"."completedAt", excluded."completedAt")`;
  } else {
    await db().$executeRaw`
      INSERT INTO "LessonProgress" ("id", "userId", "courseSlug", "lessonSlug", "completedAt", "lastVisitedAt")
      VALUES (${randomUUID()}, ${userId}, ${courseSlug}, ${lessonSlug}, ${null}, ${now})
      ON CONFLICT ("userId", "courseSlug", "lessonSlug") DO UPDATE SET "completedAt" = NULL`;
  }
}

export async function recordVisit(userId: string, courseSlug: string, lessonSlug: string, section: string | null): Promise<void> {
  const now = new Date();
  await db().$executeRaw`
    INSERT INTO "LessonProgress" ("id", "userId", "courseSlug", "lessonSlug", "lastVisitedAt", "lastSection")
    VALUES (${randomUUID()}, ${userId}, ${courseSlug}, ${lessonSlug}, ${now}, ${section})
    ON CONFLICT ("userId", "courseSlug", "lessonSlug") DO UPDATE SET "lastVisitedAt" = excluded."lastVisitedAt", "lastSection" = excluded."lastSection"`;
}

export async function courseProgress(userId: string, courseSlug: string): Promise<LessonProgressView[]> {
  const rows = await db().lessonProgress.findMany({ where: { userId, courseSlug } });
  return rows.map((row) => ({
    lessonSlug: row.lessonSlug,
    completed: row.completedAt !== null,
    lastVisitedAt: row.lastVisitedAt.toISOString(),
    lastSection: row.lastSection,
  }));
}

export async function resumePoint(userId: string): Promise<ResumePoint | null> {
  const row = await db().lessonProgress.findFirst({ where: { userId }, orderBy: { lastVisitedAt: "desc" } });
  return row ? { courseSlug: row.courseSlug, lessonSlug: row.lessonSlug, section: row.lastSection } : null;
}

export type LocalProgressEntry = { courseSlug: string; lessonSlug: string; completed: boolean; lastVisitedAt: string; lastSection: string | null };

/** One entry per lesson: a browser can hold the same lesson twice (two tabs); completion wins, the newer visit wins. */
export function combineLocalEntries(entries: readonly LocalProgressEntry[]): LocalProgressEntry[] {
  const byLesson = new Map<string, LocalProgressEntry>();
  for (const entry of entries) {
    const key = `${entry.courseSlug}/${entry.lessonSlug}`;
    const seen = byLesson.get(key);
    if (!seen) {
      byLesson.set(key, entry);
      continue;
    }
    const newer = Date.parse(entry.lastVisitedAt) > Date.parse(seen.lastVisitedAt) ? entry : seen;
    byLesson.set(key, { ...newer, completed: seen.completed || entry.completed });
  }
  return [...byLesson.values()];
}

/**
 * Merges what a signed-out reader did in this browser: completions are kept, the newer visit wins.
 * One INSERT … ON CONFLICT for the whole batch (the same statement on SQLite and PostgreSQL), so a merge of
 * 500 lessons is one round trip; SET expressions read the row as it was before the update.
 */
export async function mergeLocalProgress(userId: string, entries: readonly LocalProgressEntry[]): Promise<void> {
  const combined = combineLocalEntries(entries);
  if (combined.length === 0) return;
  const rows = combined.map((entry) => {
    const visitedAt = new Date(entry.lastVisitedAt);
    return Prisma.sql`(${randomUUID()}, ${userId}, ${entry.courseSlug}, ${entry.lessonSlug}, ${visitedAt}, ${entry.lastSection}, ${entry.completed ? visitedAt : null})`;
  });
  await db().$executeRaw`
    INSERT INTO "LessonProgress" ("id", "userId", "courseSlug", "lessonSlug", "lastVisitedAt", "lastSection", "completedAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("userId", "courseSlug", "lessonSlug") DO UPDATE SET
      "lastSection" = CASE WHEN excluded."lastVisitedAt" > "LessonProgress"."lastVisitedAt" THEN excluded."lastSection" ELSE "LessonProgress"."lastSection" END,
      "lastVisitedAt" = CASE WHEN excluded."lastVisitedAt" > "LessonProgress"."lastVisitedAt" THEN excluded."lastVisitedAt" ELSE "LessonProgress"."lastVisitedAt" END,
      "completedAt" = COALESCE("LessonProgress"."completedAt", excluded."completedAt")`;
}
