import "server-only";
// Quiz ids are unique across every course and the studio: attempts, drafts and the quiz API are keyed by quiz id.
// The studio checks a lesson's quiz ids here against every quiz ever published elsewhere (the compiled files and
// the QuizVersion rows, which keep removed quizzes too: reusing an id would merge two quizzes' histories).
import { readQuizDefinitions } from "@/lib/content/compiled-store";
import { quizIdTakenMessage } from "@/lib/content/course-checks";
import { createDiagnostic, type ContentDiagnostic } from "@/lib/content/diagnostics";
import type { LessonFacts } from "@/lib/content/types";
import { db } from "@/lib/db/client";

export async function quizIdConflicts(facts: Pick<LessonFacts, "courseSlug" | "slug" | "file" | "quizIds">): Promise<ContentDiagnostic[]> {
  const ids = facts.quizIds.map((quiz) => quiz.id);
  if (ids.length === 0) return [];
  const here = (place: { courseSlug: string; lessonSlug: string }) => place.courseSlug === facts.courseSlug && place.lessonSlug === facts.slug;
  const elsewhere = new Map<string, string>();
  for (const quiz of await readQuizDefinitions()) {
    if (ids.includes(quiz.id) && !here(quiz)) elsewhere.set(quiz.id, `${quiz.courseSlug}/${quiz.lessonSlug}`);
  }
  const rows = await db().quizVersion.findMany({ where: { quizId: { in: ids } }, select: { quizId: true, courseSlug: true, lessonSlug: true }, distinct: ["quizId", "courseSlug", "lessonSlug"] });
  for (const row of rows) if (!here(row) && !elsewhere.has(row.quizId)) elsewhere.set(row.quizId, `${row.courseSlug}/${row.lessonSlug}`);
  return facts.quizIds.flatMap((quiz) => {
    const other = elsewhere.get(quiz.id);
    return other ? [createDiagnostic(facts.file, quiz, quizIdTakenMessage(quiz.id, `the lesson ${other}`))] : [];
  });
}
