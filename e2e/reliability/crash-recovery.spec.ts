// kill -9 the server in the middle of a submission load, start it again: every acknowledged submission
// is stored, the database passes its integrity check, and the app serves again.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { databaseUrl, openDbProbe } from "@/scripts/reliability/db-probe";
import { startAppServer } from "@/scripts/reliability/app-server";
import { runPool, SessionClient } from "@/scripts/reliability/session-client";
import { acknowledged, planSubmissions, runSubmissions } from "@/scripts/reliability/submission-load";
import { unlimitedQuizFixture } from "./support";

const LEARNERS = 60;

test("crash recovery: kill -9 mid-load loses no acknowledged submission", async () => {
  test.setTimeout(240_000);
  // Unlimited attempts: 20 per learner are all meant to be stored; a course quiz would refuse all but 3.
  const quiz = await unlimitedQuizFixture("crash-load");
  expect(quiz.maxAttempts).toBeNull();
  let server = await startAppServer({ databaseUrl: databaseUrl() });
  try {
    const run = randomUUID().slice(0, 8);
    const clients = Array.from({ length: LEARNERS }, () => new SessionClient(server.url));
    await runPool(clients, 4, (client, index) => client.signUpAndSignIn({ name: `Crash ${index}`, email: `crash-${run}-${index}@example.com`, password: "a-long-password" }));

    const plan = planSubmissions(LEARNERS, [quiz], 20);
    let killed = false;
    let acks = 0;
    const load = runSubmissions(clients, plan, 64, () => killed, () => acks++);
    // Kill once 200 submissions are acknowledged (or after 20 s), while dozens more are in flight.
    const t0 = Date.now();
    while (!killed) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (acks >= 200 || Date.now() - t0 > 20_000) {
        killed = true;
        await server.kill("SIGKILL");
      }
    }
    const results = await load;
    const acked = results.filter((result) => acknowledged(result));
    // Only success or a cut connection: a refusal (409, 4xx) would mean the load measured something else.
    expect(results.flatMap((result) => result.answers).filter((answer) => ![200, 201, 503].includes(answer.status))).toEqual([]);
    const lost = results.filter((result) => result.networkErrors > 0).length;
    const unsent = results.filter((result) => result.answers.length === 0 && result.networkErrors === 0).length;
    console.log(`crash: killed after ${Date.now() - t0} ms: ${acked.length} acknowledged, ${lost} cut off in flight, ${unsent} never sent`);
    expect(acked.length).toBeGreaterThanOrEqual(100); // 200 acknowledgements, some of them replays of one submission
    expect(lost).toBeGreaterThan(0); // the kill really landed mid-load

    const probe = await openDbProbe();
    try {
      const integrity = await probe.integrityCheck();
      console.log(`crash: ${probe.provider === "sqlite" ? "PRAGMA integrity_check" : "amcheck bt_index_check on every index"} → ${integrity}`);
      expect(integrity).toBe("ok");
      server = await startAppServer({ databaseUrl: databaseUrl(), port: server.port });
      const rows = await probe.query<{ submissionId: string; attemptNumber: number; email: string }>(
        `SELECT a."submissionId" AS "submissionId", a."attemptNumber" AS "attemptNumber", u.email AS "email" FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email LIKE ?`,
        [`crash-${run}-%`],
      );
      const stored = new Map(rows.map((row) => [row.submissionId, Number(row.attemptNumber)]));
      const missing = acked.filter((result) => stored.get(result.plan.submissionId) !== acknowledged(result)!.attemptNumber);
      console.log(`crash: ${rows.length} rows stored for ${acked.length} acknowledged submissions; ${missing.length} acknowledged missing`);
      expect(missing).toEqual([]);
      // Attempt numbers stay contiguous per learner: no half-written attempt survived the kill.
      const byLearner = new Map<string, number[]>();
      for (const row of rows) byLearner.set(row.email, [...(byLearner.get(row.email) ?? []), Number(row.attemptNumber)]);
      for (const [email, numbers] of byLearner) expect(numbers.sort((a, b) => a - b), email).toEqual(numbers.map((_, i) => i + 1));
    } finally {
      await probe.close();
    }

    // The restarted app serves pages and takes submissions; a retry of a cut-off submission is recorded once.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/courses/alignment-foundations/why-fitting-data-is-not-enough`)).status).toBe(200);
    const cut = results.find((result) => result.networkErrors > 0)!;
    const client = new SessionClient(server.url);
    const email = `crash-${run}-${cut.plan.learner}@example.com`;
    await client.signIn(email, "a-long-password");
    const body = { quizId: quiz.quizId, quizVersion: quiz.quizVersion, submissionId: cut.plan.submissionId, responses: quiz.responses };
    const first = await client.send("POST", `/api/quizzes/${quiz.quizId}/attempts`, { json: body });
    const again = await client.send("POST", `/api/quizzes/${quiz.quizId}/attempts`, { json: body });
    expect([200, 201]).toContain(first.status);
    expect(again.status).toBe(200);
    expect((again.body as { attemptNumber: number }).attemptNumber).toBe((first.body as { attemptNumber: number }).attemptNumber);
  } finally {
    await server.kill();
    await quiz.hide();
  }
});
