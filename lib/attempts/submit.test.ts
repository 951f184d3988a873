// submit → grade → attempt against a real (temporary) SQLite database: the raw statements of the hot path
// (attempt-store.ts), exactly-once under concurrent retries, maxAttempts under concurrent submissions,
// and rows that Prisma's model API reads back like its own. The e2e suites run the same path on PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";
import { goodhartQuiz } from "@/lib/quiz/test-fixtures";
import type { QuizDefinition } from "@/lib/quiz/types";

const scratch = mkdtempSync(path.join(tmpdir(), "af-submit-test-"));
const file = path.join(scratch, "test.db");
process.env.DATABASE_URL = `file:${file}`;
// The "published" quizzes: what content:build would have written.
process.env.CONTENT_OUTPUT_DIR = path.join(scratch, "content");
let publishCount = 0;
function publish(...definitions: QuizDefinition[]) {
  mkdirSync(path.join(scratch, "content", "server"), { recursive: true });
  const target = path.join(scratch, "content", "server", "quizzes.json");
  writeFileSync(target, JSON.stringify(definitions));
  // The store re-reads on a new mtime; make sure each publish has one.
  const stamp = new Date(Date.now() + ++publishCount * 1000);
  utimesSync(target, stamp, stamp);
}

// A database a network hop away (PostgreSQL) answers each read a little later than in-process SQLite; that
// delay is what lets concurrent submissions interleave between reading attempts and inserting one.
const readLatency = { ms: 0 };
vi.mock("./attempt-store", async (importOriginal) => {
  const store = await importOriginal<typeof import("./attempt-store")>();
  return {
    ...store,
    readAttempts: async (userId: string, quizId: string) => {
      const rows = await store.readAttempts(userId, quizId);
      if (readLatency.ms > 0) await new Promise((resolve) => setTimeout(resolve, readLatency.ms));
      return rows;
    },
  };
});

const { db } = await import("@/lib/db/client");
const { submitAttempt } = await import("./submit");
const { getQuizState, saveQuizDraft } = await import("./state");
const { insertAttempt, readAttempts } = await import("./attempt-store");
const { isUniqueViolation } = await import("@/lib/db/unique-violation");
const { syncQuizVersions, quizVersionId } = await import("./quiz-versions");

const allRight = { "goodhart-variant": ["c-regressional"], "gaming-cases": ["m-boat", "m-lego"], "perfect-labels": ["tf-false"] };
const allWrong = { "goodhart-variant": ["c-causal"], "gaming-cases": ["m-chess"], "perfect-labels": ["tf-true"] };

let unlimited: QuizDefinition;
let limited: QuizDefinition;

async function learner() {
  const id = randomUUID();
  const user = await db().user.create({ data: { id, email: `${id}@example.com`, name: "Test learner" } });
  return { id: user.id, email: user.email, name: user.name, role: "student" as const };
}

const submission = (quiz: QuizDefinition, responses: Record<string, string[]>, submissionId = randomUUID()) => ({
  quizId: quiz.id,
  quizVersion: quiz.version,
  submissionId,
  responses,
});

beforeAll(async () => {
  const target = await sqliteTarget(file);
  await runMigrations(target, readMigrations("prisma/migrations"));
  await target.close();
  unlimited = goodhartQuiz({ maxAttempts: null });
  limited = { ...goodhartQuiz({ maxAttempts: 2 }), id: "goodhart-limited", version: "v1-limited" };
  await syncQuizVersions(db(), [unlimited, limited]);
  publish(unlimited, limited);
});

afterAll(async () => {
  await db().$disconnect();
});

describe("submitAttempt", () => {
  it("stores a graded attempt that both the raw reader and Prisma's model API read back", async () => {
    const user = await learner();
    const outcome = await submitAttempt(user, submission(unlimited, allRight));
    expect(outcome).toMatchObject({ status: "created", attemptNumber: 1 });
    expect(outcome.review.passed).toBe(true);

    const [row] = await readAttempts(user.id, unlimited.id);
    expect(row).toMatchObject({ attemptNumber: 1, passed: true, quizVersionId: quizVersionId(unlimited) });
    expect(row!.score).toBe(row!.maxScore);
    expect(typeof row!.attemptNumber).toBe("number");

    const viaModel = await db().quizAttempt.findFirstOrThrow({ where: { userId: user.id } });
    expect(viaModel.passed).toBe(true);
    expect(viaModel.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(viaModel.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(JSON.parse(viaModel.responses)).toEqual(allRight);
  });

  it("numbers attempts in order and reads a failed attempt as not passed", async () => {
    const user = await learner();
    await submitAttempt(user, submission(unlimited, allWrong));
    await submitAttempt(user, submission(unlimited, allRight));
    const rows = await readAttempts(user.id, unlimited.id);
    expect(rows.map((row) => [row.attemptNumber, row.passed])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("records a submission retried concurrently exactly once and answers every retry with the same result", async () => {
    const user = await learner();
    const input = submission(unlimited, allWrong);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => submitAttempt(user, input)));
    expect(outcomes.filter((outcome) => outcome.status === "created")).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.attemptNumber))).toEqual(new Set([1]));
    expect(await db().quizAttempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never exceeds maxAttempts when distinct submissions race for the last attempts", async () => {
    const user = await learner();
    const settled = await Promise.allSettled(Array.from({ length: 6 }, () => submitAttempt(user, submission(limited, allWrong))));
    const created = settled.filter((result) => result.status === "fulfilled");
    const refused = settled.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(created).toHaveLength(2);
    expect(refused.map((result) => (result.reason as { status?: number }).status)).toEqual([409, 409, 409, 409]);
    expect((await readAttempts(user.id, limited.id)).map((row) => row.attemptNumber)).toEqual([1, 2]);
  });

  it("stores twenty distinct submissions sent at once by one learner, numbered 1 to 20, none refused as busy", async () => {
    // Without the learner's turns (learner-quiz-turns.ts) all twenty read the same last attempt number, and
    // each round of retries stores only one: most gave up with 503.
    const user = await learner();
    readLatency.ms = 3;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitAttempt(user, submission(unlimited, allRight)))).finally(() => (readLatency.ms = 0));
    expect(outcomes.every((outcome) => outcome.status === "created")).toBe(true);
    expect(outcomes.map((outcome) => outcome.attemptNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await readAttempts(user.id, unlimited.id)).map((row) => row.attemptNumber)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("clears the learner's saved draft of that quiz once the attempt is stored", async () => {
    const user = await learner();
    await db().quizDraft.create({ data: { userId: user.id, quizId: unlimited.id, responses: JSON.stringify(allWrong) } });
    await db().quizDraft.create({ data: { userId: user.id, quizId: limited.id, responses: "{}" } });
    await submitAttempt(user, submission(unlimited, allRight));
    expect((await db().quizDraft.findMany({ where: { userId: user.id } })).map((draft) => draft.quizId)).toEqual([limited.id]);
  });
});

describe("isUniqueViolation", () => {
  it("recognises a raw insert refused by a unique index, and nothing else", async () => {
    const user = await learner();
    const attempt = {
      userId: user.id,
      quizId: unlimited.id,
      quizVersionId: quizVersionId(unlimited),
      submissionId: randomUUID(),
      attemptNumber: 1,
      responses: "{}",
      itemScores: "[]",
      score: 0,
      maxScore: 3,
      passed: false,
    };
    await insertAttempt(attempt);
    const duplicate = await insertAttempt(attempt).then(
      () => null,
      (error: unknown) => error,
    );
    expect(duplicate).not.toBeNull();
    expect(isUniqueViolation(duplicate)).toBe(true);

    const missingUser = await insertAttempt({ ...attempt, userId: "no-such-user", submissionId: randomUUID() }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(missingUser).not.toBeNull(); // a foreign key failure is not a unique violation
    expect(isUniqueViolation(missingUser)).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
  });
});

describe("only the current published version is graded (#12 item 2)", () => {
  const strict = (quiz: QuizDefinition, version: string): QuizDefinition => ({
    ...quiz,
    version,
    policy: { ...quiz.policy, maxAttempts: 1, showAnswers: "never", review: { correctness: "after-submit", marks: "after-submit", specificFeedback: "never", generalFeedback: "never" } },
  });

  it("refuses an older version with a 409 that says the quiz changed, stores nothing, and grades the current one", async () => {
    const lax = { ...goodhartQuiz({ maxAttempts: null, showAnswers: "after-submit" }), id: "republished", version: "v1-lax" };
    const tight = strict(lax, "v2-strict");
    await syncQuizVersions(db(), [lax, tight]);
    publish(unlimited, limited, tight);
    const user = await learner();
    await expect(submitAttempt(user, submission(tight, allWrong))).resolves.toMatchObject({ status: "created" });
    const old = await submitAttempt(user, submission(lax, allRight)).then(
      () => null,
      (error: { status?: number; message: string; fields?: Record<string, string> }) => error,
    );
    expect(old).toMatchObject({ status: 409, fields: { quizVersion: "changed" } });
    expect(old!.message).toMatch(/changed/);
    expect(await readAttempts(user.id, lax.id)).toHaveLength(1);
    // And the current version's single attempt is used up.
    await expect(submitAttempt(user, submission(tight, allRight))).rejects.toMatchObject({ status: 409 });
  });

  it("replays an attempt made under a laxer old policy under the current policy: no key, no explanation", async () => {
    const lax = { ...goodhartQuiz({ maxAttempts: null, showAnswers: "after-submit" }), id: "replayed", version: "v1-lax" };
    await syncQuizVersions(db(), [lax]);
    publish(unlimited, limited, lax);
    const user = await learner();
    const first = submission(lax, allWrong);
    const original = await submitAttempt(user, first);
    expect(original.review.answersShown).toBe("all");
    publish(unlimited, limited, strict(lax, "v2-strict"));
    const replayed = await submitAttempt(user, first);
    expect(replayed.status).toBe("replayed");
    expect(replayed.review.answersShown).toBe("none");
    expect(JSON.stringify(replayed.review)).not.toMatch(/Regressional Goodhart is|many functions fit/);
    const state = await getQuizState(user, lax.id);
    expect(state.quiz.version).toBe("v2-strict");
    expect(state.latestReview?.answersShown).toBe("none");
  });

  it("knows no quiz that is not published (404), whatever version is named", async () => {
    const hidden = { ...goodhartQuiz(), id: "never-published", version: "v1" };
    await syncQuizVersions(db(), [hidden]);
    const user = await learner();
    await expect(submitAttempt(user, submission(hidden, allRight))).rejects.toMatchObject({ status: 404 });
    expect(await readAttempts(user.id, hidden.id)).toEqual([]);
  });
});

describe("drafts are versioned and reconciled (#12 item 7)", () => {
  it("refuses a draft for an attempt already submitted, and never shows one after the last attempt", async () => {
    publish(unlimited, limited);
    const user = await learner();
    await saveQuizDraft(user, { quizId: limited.id, quizVersion: limited.version, attemptNumber: 1, responses: allWrong });
    await submitAttempt(user, submission(limited, allWrong));
    // The save that was still in flight when Submit was pressed arrives late: refused, nothing written.
    await expect(saveQuizDraft(user, { quizId: limited.id, quizVersion: limited.version, attemptNumber: 1, responses: allRight })).rejects.toMatchObject({ status: 409, fields: { attemptNumber: "submitted" } });
    expect(await db().quizDraft.count({ where: { userId: user.id } })).toBe(0);
    await submitAttempt(user, submission(limited, allWrong));
    const state = await getQuizState(user, limited.id);
    expect(state).toMatchObject({ draft: null, standing: { attemptsLeft: 0, canAttempt: false } });
    expect(state.latestReview).not.toBeNull();
  });

  it("refuses a draft of another version, and reconciles a stored one with the current version on load", async () => {
    publish(unlimited, limited);
    const user = await learner();
    await expect(saveQuizDraft(user, { quizId: unlimited.id, quizVersion: "v0-old", attemptNumber: 1, responses: {} })).rejects.toMatchObject({ status: 409, fields: { quizVersion: "changed" } });
    await expect(saveQuizDraft(user, { quizId: unlimited.id, quizVersion: unlimited.version, attemptNumber: 1, responses: { "goodhart-variant": ["nope"] } })).rejects.toMatchObject({ status: 400 });
    await saveQuizDraft(user, { quizId: unlimited.id, quizVersion: unlimited.version, attemptNumber: 1, responses: { "gaming-cases": ["m-boat", "m-weather"], "goodhart-variant": ["c-extremal"] } });
    // The quiz changes: m-weather and c-extremal are gone, the rest keeps its ids.
    const edited: QuizDefinition = {
      ...unlimited,
      version: "v2-edited",
      items: unlimited.items.map((item) => ({ ...item, choices: item.choices.filter((choice) => choice.id !== "m-weather" && choice.id !== "c-extremal") })),
    };
    publish(edited, limited);
    const state = await getQuizState(user, unlimited.id);
    expect(state.quiz.version).toBe("v2-edited");
    expect(state.draft).toEqual({ "gaming-cases": ["m-boat"] });
    publish(unlimited, limited);
  });
});
