import "server-only";
// Loads a course's attempts and hands them to lib/analytics (pure, tested there). Statistics are computed
// against the newest version of each quiz; an attempt graded against an older version counts only for the
// items that version shared with it (see computeQuizStats).
import { computeQuizStats, type AttemptForStats, type QuizStats } from "@/lib/analytics/quiz-stats";
import { gradebook, learnerProgress, type Gradebook, type LearnerProgressRow } from "@/lib/analytics/learner-progress";
import { gradebookCsv } from "@/lib/analytics/csv";
import { db } from "@/lib/db/client";
import { gradedItemsSchema, quizDefinitionSchema, readStoredJson } from "@/lib/db/stored-json";
import type { QuizDefinition } from "@/lib/quiz/types";
import { studioCourseLessons } from "./studio-data";

export type QuizAnalytics = { definition: QuizDefinition; stats: QuizStats; progress: LearnerProgressRow[] };
export type CourseAnalytics = { courseSlug: string; quizzes: QuizAnalytics[]; gradebook: Gradebook; learners: Map<string, string> };

/** The newest version of every quiz the course ever had, in syllabus order (lessons no longer listed last). */
async function newestDefinitions(courseSlug: string): Promise<QuizDefinition[]> {
  const [versions, lessons] = await Promise.all([db().quizVersion.findMany({ where: { courseSlug }, orderBy: { createdAt: "desc" } }), studioCourseLessons(courseSlug)]);
  const newest = new Map<string, QuizDefinition>();
  for (const version of versions) {
    if (newest.has(version.quizId)) continue;
    // A malformed row is logged and skipped: the quiz's next newest version stands in.
    const definition = readStoredJson(quizDefinitionSchema, version.definition, `QuizVersion ${version.id} (definition)`);
    if (definition) newest.set(version.quizId, definition);
  }
  const order = new Map((lessons ?? []).map((lesson, index) => [lesson.slug, index]));
  const rank = (definition: QuizDefinition) => order.get(definition.lessonSlug) ?? Number.MAX_SAFE_INTEGER;
  return [...newest.values()].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** Whose attempts count: only these learners (a class's students), or everyone but these (another instructor's students). */
export type LearnerFilter = { only?: readonly string[]; except?: readonly string[] };

export async function courseAnalytics(courseSlug: string, basis: "first" | "all" = "first", filter: LearnerFilter = {}): Promise<CourseAnalytics> {
  const definitions = await newestDefinitions(courseSlug);
  const byLearner = filter.only ? { userId: { in: [...filter.only] } } : filter.except?.length ? { userId: { notIn: [...filter.except] } } : {};
  const rows = await db().quizAttempt.findMany({
    where: { quizId: { in: definitions.map((definition) => definition.id) }, ...byLearner },
    select: { userId: true, quizId: true, attemptNumber: true, itemScores: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const learners = new Map(rows.map((row) => [row.userId, `${row.user.name} <${row.user.email}>`]));
  const byQuiz = new Map<string, AttemptForStats[]>();
  for (const row of rows) {
    // A malformed attempt row is logged and left out of the statistics.
    const graded = readStoredJson(gradedItemsSchema, row.itemScores, `QuizAttempt ${row.attemptNumber} of ${row.quizId} by ${row.userId} (itemScores)`);
    if (!graded) continue;
    const items = graded.map(({ itemId, score, selectedChoiceIds, response }) => ({ itemId, score, selectedChoiceIds, ...(response === undefined ? {} : { response }) }));
    byQuiz.set(row.quizId, [...(byQuiz.get(row.quizId) ?? []), { userId: row.userId, attemptNumber: row.attemptNumber, items, submittedAt: row.createdAt }]);
  }
  const quizzes = definitions.map((definition) => {
    const attempts = byQuiz.get(definition.id) ?? [];
    return { definition, stats: computeQuizStats(definition, attempts, { basis }), progress: learnerProgress(definition.policy, attempts) };
  });
  const book = gradebook(quizzes.map(({ definition }) => ({ quizId: definition.id, policy: definition.policy, attempts: byQuiz.get(definition.id) ?? [] })));
  return { courseSlug, quizzes, gradebook: book, learners };
}

export async function gradesCsv(courseSlug: string, learners: LearnerFilter = {}): Promise<string> {
  const analytics = await courseAnalytics(courseSlug, "first", learners);
  return gradebookCsv(analytics.gradebook, (userId) => analytics.learners.get(userId) ?? userId);
}
