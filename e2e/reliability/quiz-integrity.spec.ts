// Issue #12 as API requests a hostile student crafts, against the real server (SQLite, and PostgreSQL under
// npm run test:pg): an old quiz version, a hidden lesson, select-all, prototype keys, replays and late drafts.
// Each asserts both the answer and that the database holds exactly what it should.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { openDbProbe } from "@/scripts/reliability/db-probe";
import { SessionClient } from "@/scripts/reliability/session-client";
import { COURSE, DEMO, quizDefinition, rightAnswer, someAnswer } from "../support";
import { BASE_URL, newStudent } from "./support";

type Review = { answersShown: string; items: Array<{ itemId: string; kind: string; feedback: unknown[]; correctChoiceIds: string[] | null; explanation: string | null; score: number | null }> };

async function attemptCount(email: string, quizId: string): Promise<number> {
  const probe = await openDbProbe();
  try {
    const rows = await probe.query<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "QuizAttempt" a JOIN "User" u ON u.id = a."userId" WHERE u.email = ? AND a."quizId" = ?`, [email, quizId]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await probe.close();
  }
}

const submit = (client: SessionClient, quizId: string, body: Record<string, unknown>) =>
  client.send("POST", `/api/quizzes/${quizId}/attempts`, { json: { quizId, submissionId: randomUUID(), ...body } });

test("select-all on a first attempt learns no key: no feedback on multiple-answer or true/false items, no answers, score 0 (#12 items 3, 4)", async () => {
  const quiz = quizDefinition("l1-check");
  expect(quiz.policy.showAnswers).toBe("after-last-attempt");
  const student = await newStudent(BASE_URL, "select-all");
  const responses = Object.fromEntries(quiz.items.map((item) => [item.id, item.kind === "multiple" ? item.choices.map((choice) => choice.id) : someAnswer(item)]));
  const response = await submit(student, quiz.id, { quizVersion: quiz.version, responses });
  expect(response.status).toBe(201);
  const review = (response.body as { review: Review }).review;
  expect(review.answersShown).toBe("none");
  for (const item of review.items) {
    expect(item.correctChoiceIds, item.itemId).toBeNull();
    expect(item.explanation, item.itemId).toBeNull();
    // Single-answer and numeric feedback describes the one answer given (the single-answer rule).
    if (item.kind !== "single" && item.kind !== "numeric") expect(item.feedback, item.itemId).toEqual([]);
    if (item.kind === "multiple" && quiz.items.find((entry) => entry.id === item.itemId)!.choices.some((choice) => !choice.correct)) expect(item.score, item.itemId).toBe(0);
  }
});

test("prototype keys in responses are a 400 naming the field, and use no attempt (#12 item 8)", async () => {
  const quiz = quizDefinition("l3-structure-check");
  const student = await newStudent(BASE_URL, "proto");
  for (const key of ["__proto__", "constructor", "prototype"]) {
    const raw = `{"quizId":"${quiz.id}","quizVersion":"${quiz.version}","submissionId":"${randomUUID()}","responses":{"${key}":["${quiz.items[0]!.choices[0]!.id}"]}}`;
    const response = await student.send("POST", `/api/quizzes/${quiz.id}/attempts`, { raw });
    expect(response.status, key).toBe(400);
    expect(Object.keys((response.body as { fields?: Record<string, string> }).fields ?? {}).join(), key).toContain(`responses.${key}`);
  }
  expect(await attemptCount(student.email, quiz.id)).toBe(0);
});

test("a draft saved after its attempt was submitted is refused, and the state shows the review (#12 item 7)", async () => {
  const quiz = quizDefinition("l3-structure-check");
  const student = await newStudent(BASE_URL, "late-draft");
  const responses = { [quiz.items[0]!.id]: [quiz.items[0]!.choices[0]!.id] };
  expect((await student.send("PUT", `/api/quizzes/${quiz.id}/draft`, { json: { quizId: quiz.id, quizVersion: quiz.version, attemptNumber: 1, responses } })).status).toBe(200);
  expect((await submit(student, quiz.id, { quizVersion: quiz.version, responses })).status).toBe(201);
  const late = await student.send("PUT", `/api/quizzes/${quiz.id}/draft`, { json: { quizId: quiz.id, quizVersion: quiz.version, attemptNumber: 1, responses } });
  expect(late.status).toBe(409);
  const stale = await student.send("PUT", `/api/quizzes/${quiz.id}/draft`, { json: { quizId: quiz.id, quizVersion: "0123456789abcdef", attemptNumber: 2, responses } });
  expect(stale).toMatchObject({ status: 409, body: { fields: { quizVersion: "changed" } } });
  const state = (await student.send("GET", `/api/quizzes/${quiz.id}/state`)).body as { draft: unknown; latestReview: unknown };
  expect(state.draft).toBeNull();
  expect(state.latestReview).not.toBeNull();
});

test("after a republish with a stricter policy, the old version gets a 409 and nothing, on visible and hidden lessons (#12 item 2)", async () => {
  test.setTimeout(120_000);
  const quiz = quizDefinition("l4-conformal-property-check");
  const lessonSlug = quiz.lessonSlug;
  const instructor = new SessionClient(BASE_URL);
  await instructor.signIn(DEMO.instructor.email, DEMO.instructor.password);
  const student = await newStudent(BASE_URL, "old-version");
  const allKeys = Object.fromEntries(quiz.items.map((item) => [item.id, rightAnswer(item).slice(0, item.kind === "multiple" ? undefined : 1)]));
  // One attempt under the file's version, so the replay below has something to replay.
  const firstId = randomUUID();
  expect((await student.send("POST", `/api/quizzes/${quiz.id}/attempts`, { json: { quizId: quiz.id, quizVersion: quiz.version, submissionId: firstId, responses: {} } })).status).toBe(201);

  const source = readFileSync(`content/courses/${COURSE}/${lessonSlug}.mdx`, "utf8").replace(/<Quiz id="l4-conformal-property-check"[^>]*>/, '<Quiz id="l4-conformal-property-check" maxAttempts={1} showAnswers="never">');
  const lessonApi = `/api/studio/courses/${COURSE}/lessons/${lessonSlug}`;
  const published = await instructor.send("POST", `${lessonApi}/publish`, { json: { source, baseRevisionId: null, draftVersion: null, message: "stricter quiz" } });
  expect(published.status, published.text).toBe(201);
  try {
    const state = (await student.send("GET", `/api/quizzes/${quiz.id}/state`)).body as { quiz: { version: string; policy: { maxAttempts: number } }; latestReview: Review };
    expect(state.quiz.version).not.toBe(quiz.version);
    expect(state.quiz.policy.maxAttempts).toBe(1);
    // The earlier attempt's review now follows the current policy: nothing of the key.
    expect(state.latestReview.answersShown).toBe("none");

    const old = await submit(student, quiz.id, { quizVersion: quiz.version, responses: allKeys });
    expect(old.status).toBe(409);
    expect(old.body).toMatchObject({ fields: { quizVersion: "changed" } });
    expect(old.text).not.toMatch(/correctChoiceIds|explanation/);
    const replay = await student.send("POST", `/api/quizzes/${quiz.id}/attempts`, { json: { quizId: quiz.id, quizVersion: quiz.version, submissionId: firstId, responses: {} } });
    expect(replay.status).toBe(200);
    expect((replay.body as { review: Review }).review.answersShown).toBe("none");
    // The current version: its one attempt is used up already.
    expect((await submit(student, quiz.id, { quizVersion: state.quiz.version, responses: allKeys })).status).toBe(409);
    expect(await attemptCount(student.email, quiz.id)).toBe(1);

    // Hidden lesson: no version at all is accepted.
    expect((await instructor.send("PATCH", lessonApi, { json: { published: false } })).status).toBe(200);
    const other = await newStudent(BASE_URL, "hidden");
    for (const version of [quiz.version, state.quiz.version]) expect((await submit(other, quiz.id, { quizVersion: version, responses: allKeys })).status).toBe(404);
    expect((await other.send("GET", `/api/quizzes/${quiz.id}/state`)).status).toBe(404);
    expect(await attemptCount(other.email, quiz.id)).toBe(0);
  } finally {
    await instructor.send("PATCH", lessonApi, { json: { published: true, serveFile: true } });
  }
  expect(((await student.send("GET", `/api/quizzes/${quiz.id}/state`)).body as { quiz: { version: string } }).quiz.version).toBe(quiz.version);
});

test("the studio refuses to publish a quiz id another lesson uses, and its preview says so (#12 item 9)", async () => {
  const instructor = new SessionClient(BASE_URL);
  await instructor.signIn(DEMO.instructor.email, DEMO.instructor.password);
  const taken = quizDefinition("l1-check");
  const source = `---\ntitle: Duplicate quiz id\nslug: duplicate-quiz-id\nsummary: A lesson that reuses a quiz id.\nestimatedMinutes: 5\nobjectives:\n  - Be refused\n---\n\nText.\n\n<Quiz id="${taken.id}">\n  <TrueFalse id="dup-item" statement="Quiz ids are global." answer={true}>\n    <Explanation>They are.</Explanation>\n  </TrueFalse>\n</Quiz>\n`;
  const preview = await instructor.send("POST", "/api/studio/preview", { json: { courseSlug: COURSE, lessonSlug: "duplicate-quiz-id", source } });
  expect(JSON.stringify(preview.body)).toContain(`quiz id \\"${taken.id}\\" is already used in the lesson ${COURSE}/${taken.lessonSlug}`);
  expect((await instructor.send("POST", `/api/studio/courses/${COURSE}/lessons`, { json: { slug: "duplicate-quiz-id", title: "Duplicate quiz id" } })).status).toBeLessThan(300);
  const publish = await instructor.send("POST", `/api/studio/courses/${COURSE}/lessons/duplicate-quiz-id/publish`, { json: { source, baseRevisionId: null, draftVersion: 1 } });
  expect(publish.status).toBe(422);
  expect(JSON.stringify(publish.body)).toContain("quiz ids must be unique across all courses and the studio");
});
