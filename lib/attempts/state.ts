import "server-only";
// What a quiz shows a returning learner: the current quiz, earlier attempts, where they stand, the latest review
// (limited by the current policy exactly as on submit) and the selections saved for the attempt in progress.
import type { SessionUser } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { quizResponsesSchema, readStoredJson } from "@/lib/db/stored-json";
import { HttpError } from "@/lib/http/http-error";
import { restorableDraft } from "@/lib/quiz/draft";
import { validateResponses } from "@/lib/quiz/grade";
import { quizStanding, type QuizReview, type QuizStanding, reviewApplies, reviewFor } from "@/lib/quiz/policy";
import { toPublicQuiz } from "@/lib/quiz/public-view";
import type { SaveDraftInput } from "@/lib/quiz/submission";
import type { PublicQuiz, QuizDefinition, QuizResponses } from "@/lib/quiz/types";
import { readAttempts, upsertQuizDraft } from "./attempt-store";
import { currentQuizDefinition, findQuizDefinition } from "./quiz-definitions";
import { QUIZ_CHANGED, toAttemptRecord, toGradedAttempt, versionOf } from "./submit";

type AttemptSummary = { attemptNumber: number; score: number | null; maxScore: number; passed: boolean; createdAt: string; quizVersion: string };

export type QuizState = {
  /** The current published quiz: the page may hold an older copy, which then reloads itself. */
  quiz: PublicQuiz;
  attempts: AttemptSummary[];
  standing: QuizStanding | null;
  latestReview: QuizReview | null;
  /** Saved selections for the attempt in progress, reconciled with the current version (dead ids dropped). */
  draft: QuizResponses | null;
};

async function requireCurrent(quizId: string): Promise<QuizDefinition> {
  const current = await currentQuizDefinition(quizId);
  if (!current) throw new HttpError(404, "No such quiz.", { quizId: "unknown" });
  return current;
}

/** What anyone may know about a quiz before signing in: its current public form. */
export async function getPublicQuiz(quizId: string): Promise<PublicQuiz> {
  return toPublicQuiz(await requireCurrent(quizId));
}

export async function getQuizState(user: SessionUser, quizId: string): Promise<QuizState> {
  const current = await requireCurrent(quizId);
  const [rows, draftRow] = await Promise.all([
    db().quizAttempt.findMany({ where: { userId: user.id, quizId }, orderBy: { attemptNumber: "asc" }, select: { attemptNumber: true, score: true, maxScore: true, passed: true, itemScores: true, createdAt: true, quizVersionId: true } }),
    db().quizDraft.findUnique({ where: { userId_quizId: { userId: user.id, quizId } } }),
  ]);
  const records = rows.map(toAttemptRecord);
  const standing = rows.length > 0 ? quizStanding(current.policy, records) : null;
  const marks = standing !== null && reviewApplies(current.policy.review.marks, current.policy, standing, false);
  let latestReview: QuizReview | null = null;
  const latest = rows.at(-1);
  if (latest) {
    const graded = await findQuizDefinition(quizId, versionOf(latest, quizId));
    // Keys and explanations come from the version that was answered; when they may show, from the current policy.
    if (graded) latestReview = reviewFor(graded, records, toGradedAttempt(graded, latest), current.policy);
  }
  const attemptsUsed = standing?.attemptsUsed ?? 0;
  const inProgress = draftRow !== null && draftRow.attemptNumber === attemptsUsed + 1 && (standing?.canAttempt ?? true);
  // A malformed draft row is logged and restores nothing: the learner starts the attempt afresh.
  const draftResponses = inProgress ? readStoredJson(quizResponsesSchema, draftRow.responses, `QuizDraft of quiz ${quizId}, attempt ${draftRow.attemptNumber} (responses)`) : null;
  return {
    quiz: toPublicQuiz(current),
    attempts: rows.map((row) => ({
      attemptNumber: row.attemptNumber,
      score: marks ? row.score : null,
      maxScore: row.maxScore,
      passed: row.passed,
      createdAt: row.createdAt.toISOString(),
      quizVersion: versionOf(row, quizId),
    })),
    standing: standing && !marks ? { ...standing, grade: null } : standing,
    latestReview,
    draft: draftResponses ? restorableDraft(current, draftResponses) : null,
  };
}

/**
 * Saves the selections of the attempt in progress. Refused (and nothing written) when they are for another
 * version (409, the page reloads the quiz), name unknown items or choices (400), or are for an attempt that was
 * already submitted (409): a save still in flight when Submit was pressed must not resurrect the form.
 */
export async function saveQuizDraft(user: SessionUser, input: SaveDraftInput): Promise<void> {
  const current = await requireCurrent(input.quizId);
  if (input.quizVersion !== current.version) throw new HttpError(409, QUIZ_CHANGED, { quizVersion: "changed" });
  const issues = validateResponses(current, input.responses, { draft: true });
  if (issues.length > 0) throw new HttpError(400, "Some selections do not match this quiz.", Object.fromEntries(issues.map((issue) => [issue.field, issue.message])));
  const used = (await readAttempts(user.id, input.quizId)).at(-1)?.attemptNumber ?? 0;
  if (input.attemptNumber !== used + 1) throw new HttpError(409, "That attempt was already submitted.", { attemptNumber: "submitted" });
  await upsertQuizDraft({ userId: user.id, quizId: input.quizId, quizVersion: input.quizVersion, attemptNumber: input.attemptNumber, responses: JSON.stringify(input.responses) });
}
