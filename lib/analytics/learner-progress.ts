// The learner progress table for a quiz (one row per learner) and a course gradebook across quizzes.
// Grades follow the quiz's own policy (lib/quiz/policy.ts), so the table agrees with what learners see.

import { quizStanding } from "@/lib/quiz/policy";
import type { QuizPolicy } from "@/lib/quiz/types";
import type { AttemptForStats } from "./quiz-stats";

export type LearnerProgressRow = {
  userId: string;
  attempts: number;
  /** Fractions 0..1 of the first, best and last attempt. */
  firstFraction: number;
  bestFraction: number;
  lastFraction: number;
  /** The grade across attempts per the policy's grading method. */
  grade: number;
  passed: boolean;
  attemptsLeft: number | null;
  lastSubmittedAt: Date | null;
};

/** An attempt's fraction: each item is worth 1, so score / number of items. */
export function attemptFraction(attempt: Pick<AttemptForStats, "items">): number {
  if (attempt.items.length === 0) return 0;
  return attempt.items.reduce((sum, item) => sum + item.score, 0) / attempt.items.length;
}

function toDate(value: Date | string | undefined): Date | null {
  if (value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** One row per learner who attempted the quiz, sorted by user id. */
export function learnerProgress(policy: QuizPolicy, attempts: readonly AttemptForStats[]): LearnerProgressRow[] {
  const byUser = new Map<string, AttemptForStats[]>();
  for (const attempt of attempts) byUser.set(attempt.userId, [...(byUser.get(attempt.userId) ?? []), attempt]);

  return [...byUser.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([userId, own]) => {
      const ordered = [...own].sort((a, b) => a.attemptNumber - b.attemptNumber);
      const records = ordered.map((attempt) => ({ attemptNumber: attempt.attemptNumber, fraction: attemptFraction(attempt) }));
      const standing = quizStanding(policy, records);
      const dates = ordered.map((attempt) => toDate(attempt.submittedAt)).filter((date): date is Date => date !== null);
      return {
        userId,
        attempts: standing.attemptsUsed,
        firstFraction: records[0]!.fraction,
        bestFraction: Math.max(...records.map((record) => record.fraction)),
        lastFraction: records[records.length - 1]!.fraction,
        grade: standing.grade ?? 0,
        passed: standing.passed,
        attemptsLeft: standing.attemptsLeft,
        lastSubmittedAt: dates.length === 0 ? null : new Date(Math.max(...dates.map((date) => date.getTime()))),
      };
    });
}

export type GradebookQuiz = { quizId: string; policy: QuizPolicy; attempts: readonly AttemptForStats[] };

export type Gradebook = {
  quizIds: string[];
  rows: Array<{ userId: string; grades: Array<number | null>; passedCount: number }>;
};

/** Learners × quizzes: each cell the learner's grade on that quiz (null if never attempted). */
export function gradebook(quizzes: readonly GradebookQuiz[]): Gradebook {
  const perQuiz = quizzes.map((quiz) => new Map(learnerProgress(quiz.policy, quiz.attempts).map((row) => [row.userId, row])));
  const userIds = [...new Set(perQuiz.flatMap((rows) => [...rows.keys()]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    quizIds: quizzes.map((quiz) => quiz.quizId),
    rows: userIds.map((userId) => {
      const cells = perQuiz.map((rows) => rows.get(userId) ?? null);
      return {
        userId,
        grades: cells.map((row) => row?.grade ?? null),
        passedCount: cells.filter((row) => row?.passed).length,
      };
    }),
  };
}
