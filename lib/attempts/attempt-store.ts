import "server-only";
// The SQL on the submission hot path. Every submission reads the learner's attempts, inserts one and
// clears the draft; through Prisma's model API each of those is compiled per call (≈0.5–1 ms each with
// the JS query compiler), as raw statements they cost a fraction of that. Plain SQL with quoted
// identifiers, which SQLite and PostgreSQL read the same way; values are bound parameters, never spliced.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

export type StoredAttemptRow = {
  submissionId: string;
  quizId: string;
  quizVersionId: string;
  attemptNumber: number;
  score: number;
  maxScore: number;
  passed: boolean;
  itemScores: string;
};

type RawRow = { [K in keyof StoredAttemptRow]: unknown };

// SQLite hands back integers as bigint (the adapter uses safe integers) and may return booleans as 0/1.
const asBoolean = (value: unknown) => value === true || value === 1 || value === 1n;

/** A learner's attempts at one quiz, oldest first. */
export async function readAttempts(userId: string, quizId: string): Promise<StoredAttemptRow[]> {
  const rows = await db().$queryRaw<RawRow[]>`
    SELECT "submissionId", "quizId", "quizVersionId", "attemptNumber", "score", "maxScore", "passed", "itemScores"
    FROM "QuizAttempt" WHERE "userId" = ${userId} AND "quizId" = ${quizId} ORDER BY "attemptNumber" ASC`;
  return rows.map((row) => ({
    submissionId: String(row.submissionId),
    quizId: String(row.quizId),
    quizVersionId: String(row.quizVersionId),
    attemptNumber: Number(row.attemptNumber),
    score: Number(row.score),
    maxScore: Number(row.maxScore),
    passed: asBoolean(row.passed),
    itemScores: String(row.itemScores),
  }));
}

export type NewAttempt = StoredAttemptRow & { userId: string; responses: string };

/** Inserts one attempt. Throws a unique violation (lib/db/unique-violation.ts) when the submission id or the
 * attempt number is taken: that is how exactly-once and maxAttempts hold under concurrency. */
export async function insertAttempt(attempt: NewAttempt): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "quizVersionId", "submissionId", "attemptNumber", "responses", "itemScores", "score", "maxScore", "passed", "createdAt")
    VALUES (${randomUUID()}, ${attempt.userId}, ${attempt.quizId}, ${attempt.quizVersionId}, ${attempt.submissionId}, ${attempt.attemptNumber},
            ${attempt.responses}, ${attempt.itemScores}, ${attempt.score}, ${attempt.maxScore}, ${attempt.passed}, ${new Date()})`;
}

export type DraftRow = { userId: string; quizId: string; quizVersion: string; attemptNumber: number; responses: string };

/** Stores the learner's draft of a quiz, replacing any earlier one: one statement, no transaction. */
export async function upsertQuizDraft(draft: DraftRow): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "QuizDraft" ("id", "userId", "quizId", "quizVersion", "attemptNumber", "responses", "updatedAt")
    VALUES (${randomUUID()}, ${draft.userId}, ${draft.quizId}, ${draft.quizVersion}, ${draft.attemptNumber}, ${draft.responses}, ${new Date()})
    ON CONFLICT ("userId", "quizId") DO UPDATE SET "quizVersion" = excluded."quizVersion", "attemptNumber" = excluded."attemptNumber",
      "responses" = excluded."responses", "updatedAt" = excluded."updatedAt"`;
}

export async function deleteQuizDraft(userId: string, quizId: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "QuizDraft" WHERE "userId" = ${userId} AND "quizId" = ${quizId}`;
}

