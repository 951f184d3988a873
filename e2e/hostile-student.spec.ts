// A hostile student, from the browser's point of view (#12 "Done when"): signed in on the lesson page, they read
// everything the page and its requests carry, then craft requests with fetch from the page itself (same cookies,
// same origin): an old version, select-all, an edited body, prototype keys, replays, predicted choice ids, late
// drafts. Until their last attempt, nothing they receive identifies a right answer; after it, the policy shows all.
import { createHash, randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { formatLeak, scanForLeaks, type ScannableQuiz } from "@/lib/quiz/leak-scan";
import type { QuizDefinition } from "@/lib/quiz/types";
import { COURSE, openQuiz, quizDefinition, signedInStudent, someAnswer } from "./support";

type Answer = { status: number; text: string };

/** fetch from inside the page: what any script the student runs in the console could send. */
async function craft(page: Page, path: string, body: unknown, method = "POST"): Promise<Answer> {
  return page.evaluate(
    async ({ path, body, method }) => {
      const response = await fetch(path, { method, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
      return { status: response.status, text: await response.text() };
    },
    { path, body, method },
  );
}

/** What would give the key away before the last attempt: explanations, and feedback on multiple-answer and true/false items. */
function keyMaterial(quiz: QuizDefinition): ScannableQuiz {
  return {
    id: quiz.id,
    items: quiz.items.map((item) => ({
      id: item.id,
      promptHtml: item.promptHtml,
      explanationHtml: item.explanationHtml,
      choices: item.choices.map((choice) => ({ id: choice.id, labelHtml: choice.labelHtml, feedbackHtml: item.kind === "single" ? null : choice.feedbackHtml })),
    })),
  };
}

test("a hostile student learns no key before the policy allows it", async ({ page }) => {
  test.setTimeout(120_000);
  const quiz = quizDefinition("l1-check");
  expect(quiz.policy).toMatchObject({ maxAttempts: 3, showAnswers: "after-last-attempt" });
  const seen: Array<{ path: string; text: string }> = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/api/quizzes/")) return;
    seen.push({ path: `${response.request().method()} ${response.url()}`, text: await response.text().catch(() => "") });
  });
  await signedInStudent(page);
  const lesson = `/courses/${COURSE}/${quiz.lessonSlug}`;
  const html = await (await page.goto(lesson))!.text();
  seen.push({ path: `${lesson} (HTML)`, text: html });
  seen.push({ path: `${lesson} (RSC)`, text: await (await page.request.get(lesson, { headers: { RSC: "1" } })).text() });
  await openQuiz(page.getByTestId(`quiz-${quiz.id}`));
  const attempts = `/api/quizzes/${quiz.id}/attempts`;
  const record = (path: string, answer: Answer) => (seen.push({ path, text: answer.text }), answer);
  const body = (responses: Record<string, string[]>, extra: Record<string, unknown> = {}) => ({ quizId: quiz.id, quizVersion: quiz.version, submissionId: randomUUID(), responses, ...extra });
  const everything = Object.fromEntries(quiz.items.map((item) => [item.id, item.kind === "multiple" ? item.choices.map((choice) => choice.id) : someAnswer(item)]));

  // Choice ids cannot be predicted from the public algorithm of the old code, and the page's order is not the author's.
  for (const item of quiz.items) {
    const predicted = item.choices.map((_, index) => createHash("sha256").update(`alignment-foundations/choice-id/v1\u0000${quiz.version}\u0000${item.id}\u0000${index}`).digest("hex").slice(0, 12));
    expect(item.choices.filter((choice) => predicted.some((guess) => choice.id.startsWith(guess)))).toEqual([]);
  }

  // An old (or made-up) version, an edited body that asks for a laxer policy, prototype keys, a mismatched quiz.
  expect(record("old version", await craft(page, attempts, body(everything, { quizVersion: "0123456789abcdef" }))).status).toBe(409);
  expect(record("__proto__", await craft(page, attempts, `{"quizId":"${quiz.id}","quizVersion":"${quiz.version}","submissionId":"${randomUUID()}","responses":{"__proto__":["x"]}}`)).status).toBe(400);
  expect(record("other quiz in body", await craft(page, attempts, { ...body(everything), quizId: "l2-check" })).status).toBe(400);
  const selectAll = body(everything, { policy: { showAnswers: "after-submit", maxAttempts: null }, showAnswers: "after-submit", review: { correctness: "after-submit" } });
  const first = record("select-all", await craft(page, attempts, selectAll));
  expect(first.status).toBe(201);
  // Replays, with the same and with edited responses: the first result again, nothing more.
  const replayed = record("replay", await craft(page, attempts, { ...selectAll, responses: {} }));
  expect(replayed.status).toBe(200);
  expect((JSON.parse(replayed.text) as { attemptNumber: number }).attemptNumber).toBe(1);
  // The same submission id on another quiz: refused (its items do not fit there, or the id is taken).
  expect([400, 409]).toContain(record("replayed id on another quiz", await craft(page, `/api/quizzes/l2-check/attempts`, { ...selectAll, quizId: "l2-check", quizVersion: quizDefinition("l2-check").version })).status);
  // A second attempt, then a draft for the first one: refused.
  expect(record("second attempt", await craft(page, attempts, body({}))).status).toBe(201);
  expect(record("late draft", await craft(page, `/api/quizzes/${quiz.id}/draft`, { quizId: quiz.id, quizVersion: quiz.version, attemptNumber: 1, responses: {} }, "PUT")).status).toBe(409);
  await page.reload();
  await expect(page.getByTestId(`quiz-${quiz.id}`)).toHaveAttribute("data-phase", "reviewing");

  // Everything so far, passively: no right answer, explanation or identifying feedback.
  expect(seen.filter((entry) => /"correctChoiceIds":\[/.test(entry.text)).map((entry) => entry.path)).toEqual([]);
  const before = scanForLeaks([keyMaterial(quiz)], seen.map((entry) => ({ path: entry.path, text: entry.text })));
  // Key-shaped JSON is checked in the page; a review legitimately says whether each item was correct ("correct": false).
  const leaks = before.leaks.filter((leak) => leak.type === "secret" || /\((HTML|RSC)\)$/.test(leak.file));
  expect(leaks.map(formatLeak)).toEqual([]);
  expect(before.secrets.length).toBeGreaterThan(0);

  // The last attempt, through the page: now the policy shows everything, and the same scan finds it.
  const section = page.getByTestId(`quiz-${quiz.id}`);
  await section.getByRole("button", { name: "Try again" }).click();
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section).toHaveAttribute("data-phase", "reviewing");
  await expect(section.getByTestId("quiz-explanation")).toHaveCount(quiz.items.length);
  await expect.poll(() => seen.some((entry) => /"correctChoiceIds":\[/.test(entry.text))).toBe(true);
  expect(scanForLeaks([keyMaterial(quiz)], seen).leaks.filter((leak) => leak.type === "secret").length).toBeGreaterThan(0);
});
