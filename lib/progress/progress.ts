import "server-only";
// Reading progress: lessons completed, the last lesson visited and its section, per user.
import { db } from "@/lib/db/client";

export type LessonProgressView = { lessonSlug: string; completed: boolean; lastVisitedAt: string; lastSection: string | null };
export type ResumePoint = { courseSlug: string; lessonSlug: string; section: string | null };

const key = (userId: string, courseSlug: string, lessonSlug: string) => ({
  userId_courseSlug_lessonSlug: { userId, courseSlug, lessonSlug },
});

export async function markLessonComplete(userId: string, courseSlug: string, lessonSlug: string): Promise<void> {
  await setLessonComplete(userId, courseSlug, lessonSlug, true);
}

export async function setLessonComplete(userId: string, courseSlug: string, lessonSlug: string, complete: boolean): Promise<void> {
  const completedAt = complete ? new Date() : null;
  await db().lessonProgress.upsert({
    where: key(userId, courseSlug, lessonSlug),
    // Completing twice keeps the first completion time.
    update: complete ? {} : { completedAt: null },
    create: { userId, courseSlug, lessonSlug, completedAt },
  });
  if (complete) {
    await db().lessonProgress.updateMany({
      where: { userId, courseSlug, lessonSlug, completedAt: null },
      data: { completedAt: new Date() },
    });
  }
}

export async function recordVisit(userId: string, courseSlug: string, lessonSlug: string, section: string | null): Promise<void> {
  const now = new Date();
  await db().lessonProgress.upsert({
    where: key(userId, courseSlug, lessonSlug),
    update: { lastVisitedAt: now, lastSection: section },
    create: { userId, courseSlug, lessonSlug, lastVisitedAt: now, lastSection: section },
  });
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

/** Merges what a signed-out reader did in this browser: completions are kept, the newer visit wins. */
export async function mergeLocalProgress(userId: string, entries: LocalProgressEntry[]): Promise<void> {
  for (const entry of entries) {
    const visitedAt = new Date(entry.lastVisitedAt);
    const existing = await db().lessonProgress.findUnique({ where: key(userId, entry.courseSlug, entry.lessonSlug) });
    const newer = !existing || existing.lastVisitedAt < visitedAt;
    await db().lessonProgress.upsert({
      where: key(userId, entry.courseSlug, entry.lessonSlug),
      update: {
        ...(newer ? { lastVisitedAt: visitedAt, lastSection: entry.lastSection } : {}),
        ...(entry.completed && !existing?.completedAt ? { completedAt: visitedAt } : {}),
      },
      create: {
        userId,
        courseSlug: entry.courseSlug,
        lessonSlug: entry.lessonSlug,
        lastVisitedAt: visitedAt,
        lastSection: entry.lastSection,
        completedAt: entry.completed ? visitedAt : null,
      },
    });
  }
}
