import "server-only";
// submit → grade → attempt. Exactly once: the (user, submissionId) unique index turns a retried submission
// into a replay of the first result, and the (user, quiz, attemptNumber) unique index stops two concurrent
// submissions from both taking the last allowed attempt.
import type { SessionUser } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { gradedItemsSchema, readStoredJson } from "@/lib/db/stored-json";
import { HttpError } from "@/lib/http/http-error";
import { type GradedAttempt, type GradedItem, type GradeResult, safeGradeAttempt } from "@/lib/quiz/grade";
import { type AttemptRecord, canAttempt, type QuizReview, reviewFor } from "@/lib/quiz/policy";
import type { SubmitAttemptInput } from "@/lib/quiz/submission";
import type { QuizDefinition } from "@/lib/quiz/types";
import { markLessonComplete } from "@/lib/progress/progress";
import { currentStoredQuizDefinition, findQuizDefinition } from "./quiz-definitions";
import { quizVersionId } from "./quiz-versions";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { deleteQuizDraft, insertAttempt, readAttempts, type StoredAttemptRow } from "./attempt-store";
import { BUSY, inLearnerQuizTurn } from "./learner-quiz-turns";

export type SubmitOutcome = { status: "created" | "replayed"; attemptNumber: number; review: QuizReview };

export const QUIZ_CHANGED = "This quiz has changed since the page loaded. It has been reloaded; your selections that still exist are kept.";

type StoredAttempt = { attemptNumber: number; score: number; maxScore: number; passed: boolean; itemScores: string; quizVersionId: string };

/** A malformed itemScores column is logged and read as no graded items: the review then reveals less, never more. */
function storedItems(row: Pick<StoredAttempt, "attemptNumber" | "itemScores" | "quizVersionId">): GradedItem[] {
  return readStoredJson(gradedItemsSchema, row.itemScores, `QuizAttempt ${row.attemptNumber} of quiz version ${row.quizVersionId} (itemScores)`) ?? [];
}

export function toAttemptRecord(row: Pick<StoredAttempt, "attemptNumber" | "score" | "maxScore" | "itemScores" | "quizVersionId">): AttemptRecord {
  const items = storedItems(row);
  return { attemptNumber: row.attemptNumber, fraction: row.maxScore > 0 ? row.score / row.maxScore : 0, items };
}

export function toGradedAttempt(definition: QuizDefinition, row: StoredAttempt): GradedAttempt {
  return {
    quizId: definition.id,
    quizVersion: definition.version,
    items: storedItems(row),
    score: row.score,
    maxScore: row.maxScore,
    fraction: row.maxScore > 0 ? row.score / row.maxScore : 0,
    passed: row.passed,
  };
}

/** The version part of a QuizVersion id (`${quizId}@${version}`). */
export function versionOf(row: Pick<StoredAttempt, "quizVersionId">, quizId: string): string {
  return row.quizVersionId.slice(quizId.length + 1);
}

/**
 * The stored result of a submission, again. Its keys and explanations are those of the version it answered;
 * what of them shows is decided by the current policy, so replaying an attempt made under a laxer old policy
 * reveals nothing the current one withholds.
 */
async function replayOf(existing: StoredAttemptRow, rows: StoredAttemptRow[], current: QuizDefinition): Promise<SubmitOutcome> {
  const definition = await findQuizDefinition(existing.quizId, versionOf(existing, existing.quizId));
  if (!definition) throw new HttpError(409, "This attempt's quiz version is no longer stored.");
  const review = reviewFor(definition, rows.map(toAttemptRecord), toGradedAttempt(definition, existing), current.policy);
  return { status: "replayed", attemptNumber: existing.attemptNumber, review };
}

/** The first result for this submissionId, if any; a submissionId already used for another quiz is refused. */
async function replay(user: SessionUser, input: SubmitAttemptInput, current: QuizDefinition): Promise<SubmitOutcome | null> {
  const existing = await db().quizAttempt.findUnique({
    where: { userId_submissionId: { userId: user.id, submissionId: input.submissionId } },
  });
  if (!existing) return null;
  if (existing.quizId !== input.quizId) throw new HttpError(409, "This submission id was already used for another quiz.", { submissionId: "reused" });
  return replayOf(existing, await readAttempts(user.id, input.quizId), current);
}

export async function submitAttempt(user: SessionUser, input: SubmitAttemptInput): Promise<SubmitOutcome> {
  // Only the version students can see now is graded: an old version would bring its old policy (more attempts,
  // answers shown), and a quiz in a hidden lesson is not there at all.
  const current = await currentStoredQuizDefinition(input.quizId);
  if (!current) throw new HttpError(404, "No such quiz.", { quizId: "unknown" });
  // Grading is CPU only, so it runs before the learner's turn; its verdict counts only once the submission
  // is known to be new (a replay answers with its first result, whatever the body says now).
  const graded = safeGradeAttempt(current, input.responses);
  const outcome = await inLearnerQuizTurn(user.id, input.quizId, () => recordAttempt(user, input, current, graded));
  if (outcome.status === "created") {
    if (outcome.review.standing.completesLesson) await markLessonComplete(user.id, current.courseSlug, current.lessonSlug);
    await deleteQuizDraft(user.id, current.id);
  }
  return outcome;
}

/**
 * Replays an earlier result for this submissionId, or stores the next attempt. Runs in the learner's turn at
 * this quiz (learner-quiz-turns.ts), so within one process the rows it reads are not changed under it; across
 * processes the unique indexes catch a race, and it rereads and tries again.
 */
async function recordAttempt(user: SessionUser, input: SubmitAttemptInput, current: QuizDefinition, graded: GradeResult): Promise<SubmitOutcome> {
  // One read serves three purposes: replay detection, the next attempt number and the review's history.
  // A submissionId used before for another quiz is not in these rows; the insert's unique index catches it.
  let rows = await readAttempts(user.id, input.quizId);
  const earlier = rows.find((row) => row.submissionId === input.submissionId);
  if (earlier) return replayOf(earlier, rows, current);
  if (input.quizVersion !== current.version) throw new HttpError(409, QUIZ_CHANGED, { quizVersion: "changed" });
  if (!graded.ok) {
    throw new HttpError(400, "Some answers do not match this quiz.", Object.fromEntries(graded.issues.map((issue) => [issue.field, issue.message])));
  }

  for (let tries = 0; tries < 8; tries++) {
    if (tries > 0) rows = await readAttempts(user.id, current.id);
    const used = rows.at(-1)?.attemptNumber ?? 0;
    if (!canAttempt(current.policy, used)) {
      const raced = await replay(user, input, current); // a retry of a submission that took the last attempt
      if (raced) return raced;
      throw new HttpError(409, "You have used all your attempts at this quiz.");
    }
    const created: StoredAttemptRow = {
      quizId: current.id,
      quizVersionId: quizVersionId(current),
      submissionId: input.submissionId,
      attemptNumber: used + 1,
      itemScores: JSON.stringify(graded.attempt.items),
      score: graded.attempt.score,
      maxScore: graded.attempt.maxScore,
      passed: graded.attempt.passed,
    };
    try {
      await insertAttempt({ ...created, userId: user.id, responses: JSON.stringify(input.responses) });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await replay(user, input, current); // the same submission, stored by another process
      if (raced) return raced;
      continue;
    }
    return { status: "created", attemptNumber: used + 1, review: reviewFor(current, [...rows, created].map(toAttemptRecord), graded.attempt) };
  }
  throw new HttpError(503, BUSY);
}
