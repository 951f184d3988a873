import "server-only";
// Loads what a class gradebook needs with a fixed number of set-based queries, whatever the class's size:
// the roster, the class's due dates, the course's quizzes (newest version of each: its title and policy),
// every attempt by a member at those quizzes and every member's progress in the course (the last three in
// plain SQL: gradebook-queries.ts). No query runs per student or per quiz (bench/classes-bench.ts).
import { readQuizDefinitions } from "@/lib/content/compiled-store";
import { getCourse } from "@/lib/course/catalog";
import { db } from "@/lib/db/client";
import { quizDefinitionSchema, readStoredJson } from "@/lib/db/stored-json";
import type { QuizDefinition } from "@/lib/quiz/types";
import { buildGradebook, type ClassGradebook, type GradebookLesson, type GradebookQuiz } from "./gradebook";
import { classAttempts, classMembers, classProgress } from "./gradebook-queries";

// Quiz versions never change once stored, so a parsed definition is kept per process.
const parsedVersions = new Map<string, QuizDefinition>();

/** The newest stored definition of every quiz the course ever had, keyed by quiz id. */
async function newestDefinitions(courseSlug: string): Promise<Map<string, QuizDefinition>> {
  const versions = await db().quizVersion.findMany({ where: { courseSlug }, select: { id: true, quizId: true }, orderBy: { createdAt: "desc" } });
  const newestIds = new Map<string, string>();
  for (const version of versions) if (!newestIds.has(version.quizId)) newestIds.set(version.quizId, version.id);
  const missing = [...newestIds.values()].filter((id) => !parsedVersions.has(id));
  if (missing.length > 0) {
    const rows = await db().quizVersion.findMany({ where: { id: { in: missing } }, select: { id: true, definition: true } });
    for (const row of rows) {
      // A malformed row is logged and its quiz left out of the gradebook's columns.
      const definition = readStoredJson(quizDefinitionSchema, row.definition, `QuizVersion ${row.id} (definition)`);
      if (definition) parsedVersions.set(row.id, definition);
    }
  }
  return new Map([...newestIds].flatMap(([quizId, versionId]) => {
    const definition = parsedVersions.get(versionId);
    return definition ? [[quizId, definition] as const] : [];
  }));
}

export type CourseShape = { title: string; lessons: GradebookLesson[]; quizzes: GradebookQuiz[] };

/** Lessons in syllabus order, and their quizzes; then quizzes no longer in the course (candidates for retired columns). */
export async function courseShape(courseSlug: string): Promise<CourseShape> {
  const [course, stored] = await Promise.all([getCourse(courseSlug), newestDefinitions(courseSlug)]);
  const lessons = course?.lessons ?? [];
  const listed = new Set(lessons.flatMap((lesson) => lesson.quizIds));
  // A quiz compiled after the last seed is not stored yet; the compiled output has it.
  const compiled = listed.size > [...listed].filter((id) => stored.has(id)).length ? await readQuizDefinitions() : [];
  const definition = (quizId: string) => stored.get(quizId) ?? compiled.find((quiz) => quiz.id === quizId);
  const toQuiz = (quiz: QuizDefinition, lessonSlug: string, retired: boolean): GradebookQuiz => ({ id: quiz.id, title: quiz.title, lessonSlug, policy: quiz.policy, retired });
  const current = lessons.flatMap((lesson) =>
    lesson.quizIds.flatMap((quizId) => {
      const found = definition(quizId);
      return found ? [toQuiz(found, lesson.slug, false)] : [];
    }),
  );
  const retired = [...stored.values()].filter((quiz) => !listed.has(quiz.id)).map((quiz) => toQuiz(quiz, quiz.lessonSlug, true));
  return {
    title: course?.manifest.title ?? courseSlug,
    lessons: lessons.map((lesson) => ({ slug: lesson.slug, title: lesson.title })),
    quizzes: [...current, ...retired.sort((a, b) => a.id.localeCompare(b.id))],
  };
}

/**
 * The gradebook of a class: every member (current and removed), or only `onlyUserId` for a student's
 * own view. Retired quizzes appear only when a member attempted them.
 */
export async function loadClassGradebook(
  cls: { id: string; courseSlug: string },
  options: { onlyUserId?: string; now?: Date; shape?: CourseShape } = {},
): Promise<ClassGradebook> {
  const shape = options.shape ?? (await courseShape(cls.courseSlug));
  const [members, dueDates, attempts, progress] = await Promise.all([
    classMembers(cls.id, options.onlyUserId),
    db().classDueDate.findMany({ where: { classId: cls.id }, select: { lessonSlug: true, dueAt: true } }),
    classAttempts(cls.id, cls.courseSlug, options.onlyUserId),
    classProgress(cls.id, cls.courseSlug, options.onlyUserId),
  ]);
  const known = new Set(shape.quizzes.map((quiz) => quiz.id));
  const counted = attempts.filter((attempt) => known.has(attempt.quizId));
  const attempted = new Set(counted.map((attempt) => attempt.quizId));
  return buildGradebook({
    lessons: shape.lessons,
    quizzes: shape.quizzes.filter((quiz) => !quiz.retired || attempted.has(quiz.id)),
    dueDates: new Map(dueDates.map((row) => [row.lessonSlug, row.dueAt])),
    members,
    attempts: counted,
    progress,
    now: options.now ?? new Date(),
  });
}

/** The ids of the class's current students, for analytics filtered to the class. */
export async function currentStudentIds(classId: string): Promise<string[]> {
  const rows = await db().classMember.findMany({ where: { classId, removedAt: null }, select: { userId: true } });
  return rows.map((row) => row.userId);
}
