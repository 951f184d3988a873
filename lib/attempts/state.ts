import "server-only";
// What a quiz shows a returning learner: earlier attempts, where they stand, the latest review
// (limited by the policy exactly as on submit) and any selections saved in progress.
import type { SessionUser } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { quizStanding, type QuizReview, type QuizStanding, reviewFor } from "@/lib/quiz/policy";
import type { QuizDefinition, QuizResponses } from "@/lib/quiz/types";
import { toAttemptRecord, toGradedAttempt } from "./submit";

export type AttemptSummary = { attemptNumber: number; score: number; maxScore: number; passed: boolean; createdAt: string; quizVersion: string };

export type QuizState = {
  attempts: AttemptSummary[];
  standing: QuizStanding | null;
  latestReview: QuizReview | null;
  draft: QuizResponses | null;
};

export async function getQuizState(user: SessionUser, quizId: string): Promise<QuizState> {
  const [rows, draft] = await Promise.all([
    db().quizAttempt.findMany({ where: { userId: user.id, quizId }, orderBy: { attemptNumber: "asc" }, include: { quizVersion: true } }),
    db().quizDraft.findUnique({ where: { userId_quizId: { userId: user.id, quizId } } }),
  ]);
  const latest = rows.at(-1);
  let latestReview: QuizReview | null = null;
  let standing: QuizStanding | null = null;
  if (latest) {
    const definition = JSON.parse(latest.quizVersion.definition) as QuizDefinition;
    const records = rows.map(toAttemptRecord);
    latestReview = reviewFor(definition, records, toGradedAttempt(definition, latest));
    standing = quizStanding(definition.policy, records);
  }
  return {
    attempts: rows.map((row) => ({
      attemptNumber: row.attemptNumber,
      score: row.score,
      maxScore: row.maxScore,
      passed: row.passed,
      createdAt: row.createdAt.toISOString(),
      quizVersion: row.quizVersion.version,
    })),
    standing,
    latestReview,
    draft: draft ? (JSON.parse(draft.responses) as QuizResponses) : null,
  };
}

export async function saveQuizDraft(user: SessionUser, quizId: string, responses: QuizResponses): Promise<void> {
  const data = JSON.stringify(responses);
  await db().quizDraft.upsert({
    where: { userId_quizId: { userId: user.id, quizId } },
    update: { responses: data },
    create: { userId: user.id, quizId, responses: data },
  });
}
