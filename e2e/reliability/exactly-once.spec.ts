// 200 learners × 10 submissions, concurrently, with retries under the same submissionId: exactly the
// expected attempts are stored and maxAttempts is never exceeded. Runs on SQLite and (npm run test:pg)
// on PostgreSQL, against the suite's production server.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { openDbProbe } from "@/scripts/reliability/db-probe";
import { runPool, SessionClient } from "@/scripts/reliability/session-client";
import { acknowledged, planSubmissions, runSubmissions } from "@/scripts/reliability/submission-load";
import { BASE_URL, quizFixture, unlimitedQuizFixture } from "./support";

const LEARNERS = 200;
const PER_QUIZ = 5; // 5 to each of two quizzes (more than their attempt limits): 10 submissions per learner

test("exactly once: 200 learners × 10 concurrent submissions with retries", async () => {
  test.setTimeout(300_000);
  const limited = quizFixture("l1-check");
  const unlimited = await unlimitedQuizFixture("exactly-once");
  expect(limited.maxAttempts).toBe(3);
  expect(unlimited.maxAttempts).toBeNull();
  // What each learner ends with per quiz: every submission up to the quiz's limit (the course default is 3).
  const cap = (quiz: { maxAttempts: number | null }) => Math.min(PER_QUIZ, quiz.maxAttempts ?? PER_QUIZ);

  const t0 = Date.now();
  const run = randomUUID().slice(0, 8);
  const clients = Array.from({ length: LEARNERS }, () => new SessionClient(BASE_URL));
  const emails = clients.map((_, index) => `once-${run}-${index}@example.com`);
  await runPool(clients, 4, (client, index) => client.signUpAndSignIn({ name: `Learner ${index}`, email: emails[index]!, password: "a-long-password" }));
  const accountsSeconds = (Date.now() - t0) / 1000;

  const plan = planSubmissions(LEARNERS, [limited, unlimited], PER_QUIZ);
  const t1 = Date.now();
  const results = await runSubmissions(clients, plan, 64);
  const loadSeconds = (Date.now() - t1) / 1000;

  const statuses: Record<number, number> = {};
  for (const result of results) for (const answer of result.answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  const sends = results.reduce((sum, result) => sum + result.answers.length, 0);

  const probe = await openDbProbe();
  const rows = await probe.query<{ email: string; quizId: string; submissionId: string; attemptNumber: number }>(
    `SELECT u.email AS "email", a."quizId" AS "quizId", a."submissionId" AS "submissionId", a."attemptNumber" AS "attemptNumber"
     FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE ?`,
    [`once-${run}-%`],
  );
  await probe.close();
  console.log(
    `exactly-once (${probe.provider}): ${LEARNERS} accounts in ${accountsSeconds.toFixed(1)} s; ${plan.length} submissions, ${sends} sends ` +
      `(${plan.filter((entry) => entry.sends > 1).length} retried) in ${loadSeconds.toFixed(1)} s (${(sends / loadSeconds).toFixed(0)} sends/s); ` +
      `statuses ${JSON.stringify(statuses)}; ${rows.length} attempt rows`,
  );

  // Nothing failed on the server's side, and nothing was lost on the way.
  expect(Object.keys(statuses).filter((status) => Number(status) >= 500 && status !== "503")).toEqual([]);
  expect(results.filter((result) => result.networkErrors > 0)).toEqual([]);

  // Exactly the expected rows: min(5, maxAttempts) per quiz and learner.
  expect(rows.length).toBe(LEARNERS * (cap(limited) + cap(unlimited)));
  const byLearnerQuiz = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.email} ${row.quizId}`;
    byLearnerQuiz.set(key, [...(byLearnerQuiz.get(key) ?? []), Number(row.attemptNumber)]);
  }
  for (const [key, numbers] of byLearnerQuiz) {
    const expected = Array.from({ length: cap(key.endsWith(` ${limited.quizId}`) ? limited : unlimited) }, (_, index) => index + 1);
    expect(numbers.sort((a, b) => a - b), key).toEqual(expected);
  }

  // Every acknowledged submission is stored once, and every answer to one id names the same attempt.
  const stored = new Map(rows.map((row) => [row.submissionId, Number(row.attemptNumber)]));
  expect(stored.size).toBe(rows.length);
  for (const result of results) {
    const ack = acknowledged(result);
    const numbers = new Set(result.answers.filter((answer) => answer.status < 300).map((answer) => answer.attemptNumber));
    expect(numbers.size).toBeLessThanOrEqual(1);
    if (ack) expect(stored.get(result.plan.submissionId), result.plan.submissionId).toBe(ack.attemptNumber);
    else {
      expect(result.answers.every((answer) => answer.status === 409), JSON.stringify(result.answers)).toBe(true);
      expect(stored.has(result.plan.submissionId)).toBe(false);
    }
  }
  await unlimited.hide();
});
