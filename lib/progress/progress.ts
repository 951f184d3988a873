import "server-only";
// Reading progress: lessons completed, the last lesson visited and its section, per user.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type LessonProgressView = { lessonSlug: string; completed: boolean; lastVisitedAt: string; lastSection: string | null };
export type ResumePoint = { courseSlug: string; lessonSlug: string; section: string | null };

const key = (userId: string, courseSlug: string, lessonSlug: string) => ({
  userId_courseSlug_lessonSlug: { userId, courseSlug, lessonSlug },
});

export async function markLessonComplete(userId: string, courseSlug: string, lessonSlug: string): Promise<void> {
  await setLessonComplete(userId, courseSlug, lessonSlug, true);
}

/**
 * Prisma's upsert reads, then inserts. Two requests for the same new row (a learner's concurrent
 * submissions both completing the lesson, on PostgreSQL) can both miss the read; the loser's insert hits
 * the unique index. Then the row exists, and running the upsert again takes its update path.
 */
export async function upsertOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
}

export async function setLessonComplete(userId: string, courseSlug: string, lessonSlug: string, complete: boolean): Promise<void> {
  const completedAt = complete ? new Date() : null;
  await upsertOnce(() =>
    db().lessonProgress.upsert({
      where: key(userId, courseSlug, lessonSlug),
      // Completing twice keeps the first completion time.
      update: complete ? {} : { completedAt: null },
      create: { userId, courseSlug, lessonSlug, completedAt },
    }),
  );
  if (complete) {
    await db().lessonProgress.updateMany({
      where: { userId, courseSlug, lessonSlug, completedAt: null },
      data: { completedAt: new Date() },
    });
  }
}

export async function recordVisit(userId: string, courseSlug: string, lessonSlug: string, section: string | null): Promise<void> {
  const now = new Date();
  await upsertOnce(() =>
    db().lessonProgress.upsert({
      where: key(userId, courseSlug, lessonSlug),
      update: { lastVisitedAt: now, lastSection: section },
      create: { userId, courseSlug, lessonSlug, lastVisitedAt: now, lastSection: section },
    }),
  );
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
