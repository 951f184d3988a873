// The class gradebook as a pure function of rows already loaded (gradebook-data.ts loads them with a
// handful of set-based queries): per student, progress on every lesson and the grade on every quiz under
// that quiz's own policy (lib/quiz/policy.ts), with attempts, late and missing flags, and when they were
// last active. The class page, the student's own view and every CSV format are drawn from this one model,
// so they cannot disagree.
import { quizStanding } from "@/lib/quiz/policy";
import type { GradingMethod, QuizPolicy } from "@/lib/quiz/types";

export type GradebookLesson = { slug: string; title: string };
export type GradebookQuiz = {
  id: string;
  title: string;
  /** The lesson it belongs to; its due date is the quiz's. */
  lessonSlug: string;
  policy: QuizPolicy;
  /** No longer in the course, kept because class members attempted it. */
  retired: boolean;
};
export type GradebookMember = { userId: string; name: string; email: string; joinedAt: Date; removedAt: Date | null };
export type GradebookAttempt = { userId: string; quizId: string; attemptNumber: number; score: number; maxScore: number; submittedAt: Date };
export type GradebookProgress = { userId: string; lessonSlug: string; completedAt: Date | null; lastVisitedAt: Date };

export type LessonCell = {
  state: "complete" | "started" | "not-started";
  completedAt: Date | null;
  /** Completed after the due date. */
  late: boolean;
  /** The due date has passed and the lesson is not complete. */
  overdue: boolean;
};

export type QuizCell = {
  /** The grade across attempts as a fraction 0..1 per the quiz's grading method; null before any attempt. */
  grade: number | null;
  attempts: number;
  passed: boolean;
  /** The grade rests on an attempt submitted after the due date. */
  late: boolean;
  /** The due date has passed without any attempt. */
  missing: boolean;
  lastSubmittedAt: Date | null;
};

export type StudentRow = GradebookMember & {
  lessons: LessonCell[];
  quizzes: QuizCell[];
  lessonsCompleted: number;
  /** lessonsCompleted / number of lessons, 0..1. */
  progress: number;
  lastActiveAt: Date | null;
};

export type ClassGradebook = {
  lessons: GradebookLesson[];
  quizzes: GradebookQuiz[];
  /** Due date per lesson, in lesson order (null: none). */
  lessonDueAt: Array<Date | null>;
  quizDueAt: Array<Date | null>;
  /** Students in the class now. */
  students: StudentRow[];
  /** Students an instructor removed: kept, with every grade, but not in the roster or the exports. */
  removed: StudentRow[];
};

export type GradebookInput = {
  lessons: GradebookLesson[];
  quizzes: GradebookQuiz[];
  dueDates: ReadonlyMap<string, Date>;
  members: GradebookMember[];
  attempts: GradebookAttempt[];
  progress: GradebookProgress[];
  now: Date;
};

const fraction = (attempt: Pick<GradebookAttempt, "score" | "maxScore">) => (attempt.maxScore > 0 ? attempt.score / attempt.maxScore : 0);

/**
 * The attempts a grade rests on, per grading method: the first attempt that reached the best score
 * (highest), the first or the last attempt, or all of them (average). `ordered` is in submission order.
 */
export function gradingAttempts<T extends { score: number; maxScore: number }>(grading: GradingMethod, ordered: readonly T[]): T[] {
  if (ordered.length === 0) return [];
  switch (grading) {
    case "highest": {
      const best = Math.max(...ordered.map(fraction));
      return [ordered.find((attempt) => fraction(attempt) === best)!];
    }
    case "first":
      return [ordered[0]!];
    case "last":
      return [ordered[ordered.length - 1]!];
    case "average":
      return [...ordered];
  }
}

export function quizCell(quiz: GradebookQuiz, own: readonly GradebookAttempt[], dueAt: Date | null, now: Date): QuizCell {
  const ordered = [...own].sort((a, b) => a.attemptNumber - b.attemptNumber);
  const standing = quizStanding(
    quiz.policy,
    ordered.map((attempt) => ({ attemptNumber: attempt.attemptNumber, fraction: fraction(attempt) })),
  );
  const late = dueAt !== null && gradingAttempts(quiz.policy.grading, ordered).some((attempt) => attempt.submittedAt > dueAt);
  const lastSubmittedAt = ordered.reduce<Date | null>((latest, attempt) => (!latest || attempt.submittedAt > latest ? attempt.submittedAt : latest), null);
  return {
    grade: standing.grade,
    attempts: ordered.length,
    passed: standing.passed,
    late,
    missing: dueAt !== null && ordered.length === 0 && now > dueAt,
    lastSubmittedAt,
  };
}

function lessonCell(progress: GradebookProgress | undefined, dueAt: Date | null, now: Date): LessonCell {
  const completedAt = progress?.completedAt ?? null;
  return {
    state: completedAt ? "complete" : progress ? "started" : "not-started",
    completedAt,
    late: dueAt !== null && completedAt !== null && completedAt > dueAt,
    overdue: dueAt !== null && completedAt === null && now > dueAt,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function buildGradebook(input: GradebookInput): ClassGradebook {
  const lessonDueAt = input.lessons.map((lesson) => input.dueDates.get(lesson.slug) ?? null);
  const quizDueAt = input.quizzes.map((quiz) => input.dueDates.get(quiz.lessonSlug) ?? null);
  const attemptsByUserQuiz = groupBy(input.attempts, (attempt) => `${attempt.userId}\u0000${attempt.quizId}`);
  const progressByUserLesson = new Map(input.progress.map((row) => [`${row.userId}\u0000${row.lessonSlug}`, row]));
  const lastActive = new Map<string, Date>();
  const touch = (userId: string, at: Date) => {
    const known = lastActive.get(userId);
    if (!known || at > known) lastActive.set(userId, at);
  };
  for (const attempt of input.attempts) touch(attempt.userId, attempt.submittedAt);
  for (const row of input.progress) touch(row.userId, row.lastVisitedAt);

  const rows = input.members.map((member): StudentRow => {
    const lessons = input.lessons.map((lesson, index) => lessonCell(progressByUserLesson.get(`${member.userId}\u0000${lesson.slug}`), lessonDueAt[index]!, input.now));
    const quizzes = input.quizzes.map((quiz, index) => quizCell(quiz, attemptsByUserQuiz.get(`${member.userId}\u0000${quiz.id}`) ?? [], quizDueAt[index]!, input.now));
    const lessonsCompleted = lessons.filter((cell) => cell.state === "complete").length;
    return {
      ...member,
      lessons,
      quizzes,
      lessonsCompleted,
      progress: input.lessons.length === 0 ? 0 : lessonsCompleted / input.lessons.length,
      lastActiveAt: lastActive.get(member.userId) ?? null,
    };
  });
  const byName = (a: StudentRow, b: StudentRow) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email, "en");
  return {
    lessons: input.lessons,
    quizzes: input.quizzes,
    lessonDueAt,
    quizDueAt,
    students: rows.filter((row) => row.removedAt === null).sort(byName),
    removed: rows.filter((row) => row.removedAt !== null).sort(byName),
  };
}

export const SORT_KEYS = ["name", "progress", "last-active"] as const;

/** Rows in the order the class page asks for; ties (and students without a value) fall back to name order. */
export function sortStudents(book: ClassGradebook, rows: readonly StudentRow[], key: string): StudentRow[] {
  const quizIndex = key.startsWith("quiz:") ? book.quizzes.findIndex((quiz) => quiz.id === key.slice(5)) : -1;
  const value = (row: StudentRow): number | null => {
    if (key === "progress") return row.progress;
    if (key === "last-active") return row.lastActiveAt?.getTime() ?? null;
    if (quizIndex >= 0) return row.quizzes[quizIndex]!.grade;
    return null;
  };
  if (key !== "progress" && key !== "last-active" && quizIndex < 0) return [...rows];
  return rows
    .map((row, position) => ({ row, position, value: value(row) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.position - b.position)
    .map(({ row }) => row);
}

/** A 0..1 fraction as a percentage with at most two decimals: the page and every CSV show this number. */
export function percent(value: number): number {
  return Math.round(value * 10_000) / 100;
}
