import { expect, type Page, test } from "@playwright/test";
import type { QuizDefinition, QuizItemDefinition } from "@/lib/quiz/types";
import { COURSE, enterAnswer, expectNoAxeViolations, fixtureLesson, openQuiz, quizDefinition, rightAnswer, signedInStudent, someAnswer, wrongAnswer } from "./support";

const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
const lessonUrl = (quiz: QuizDefinition) => `/courses/${COURSE}/${quiz.lessonSlug}`;
const quizSection = (page: Page, quiz: QuizDefinition) => page.getByTestId(`quiz-${quiz.id}`);

async function choose(page: Page, quiz: QuizDefinition, answer: (item: QuizItemDefinition) => string[]) {
  for (const item of quiz.items) await enterAnswer(page, item, answer(item));
}

test("a wrong answer gets its feedback and, under after-submit, the explanation", async ({ page }) => {
  // The course's quizzes show explanations after the last attempt; this policy needs a lesson of its own.
  const fixture = await fixtureLesson("after-submit", 'showAnswers="after-submit"');
  try {
    const quiz = fixture.quiz;
    expect(quiz.policy).toMatchObject({ maxAttempts: 3, showAnswers: "after-submit" });
    await signedInStudent(page);
    await page.goto(lessonUrl(quiz));
    const item = quiz.items.find((candidate) => candidate.choices.some((choice) => !choice.correct && choice.feedbackHtml))!;
    const wrong = item.choices.find((choice) => !choice.correct && choice.feedbackHtml)!;
    await openQuiz(quizSection(page, quiz));
    await page.locator(`input[value="${wrong.id}"]`).check();
    await quizSection(page, quiz).getByRole("button", { name: "Submit answers" }).click();

    const itemBox = page.getByTestId(`quiz-item-${item.id}`);
    await expect(itemBox).toHaveAttribute("data-result", "incorrect");
    await expect(itemBox).toContainText(plain(wrong.feedbackHtml!).slice(0, 60));
    await expect(itemBox.getByTestId("quiz-explanation")).toContainText(plain(item.explanationHtml!).slice(0, 60));
    await expect(page.getByTestId("quiz-status")).toContainText("Score 0 of");
    // Attempts are left, and still the explanation shows: after-submit, not after-last-attempt.
    await expect(page.getByTestId("quiz-status")).toContainText("2 attempts left");
    await expectNoAxeViolations(page, `[data-testid="quiz-${quiz.id}"]`);
  } finally {
    await fixture.hide();
  }
});

test("answers stay hidden until the last attempt, attempts run out, and history is kept", async ({ page }) => {
  const quiz = quizDefinition("l1-check");
  expect(quiz.policy).toMatchObject({ maxAttempts: 3, showAnswers: "after-last-attempt" });
  await signedInStudent(page);
  await page.goto(lessonUrl(quiz));
  const section = quizSection(page, quiz);
  const firstItem = quiz.items[0]!;

  for (let attempt = 1; attempt <= 3; attempt++) {
    await openQuiz(section);
    await choose(page, quiz, wrongAnswer);
    await section.getByRole("button", { name: "Submit answers" }).click();
    await expect(section).toHaveAttribute("data-phase", "reviewing");
    await expect(page.getByTestId(`quiz-item-${firstItem.id}`)).toHaveAttribute("data-result", "incorrect");
    const explanations = section.getByTestId("quiz-explanation");
    if (attempt < 3) {
      await expect(explanations).toHaveCount(0);
      await expect(section).toContainText(`${3 - attempt} attempt${3 - attempt === 1 ? "" : "s"} left`);
      await section.getByRole("button", { name: "Try again" }).click();
    } else {
      await expect(explanations).toHaveCount(quiz.items.length);
      await expect(section.getByRole("button", { name: "Try again" })).toHaveCount(0);
      await expect(section.getByText("Correct answer").first()).toBeVisible();
    }
  }
  await section.getByText("Earlier attempts (3)").click();
  await expect(section.getByRole("table")).toContainText("Not passed");

  // The server refuses a fourth attempt even when called directly.
  const fourth = await page.request.post(`/api/quizzes/${quiz.id}/attempts`, {
    data: { quizId: quiz.id, quizVersion: quiz.version, submissionId: crypto.randomUUID(), responses: {} },
  });
  expect(fourth.status()).toBe(409);
  expect(((await fourth.json()) as { error: string }).error).toBe("You have used all your attempts at this quiz.");
});

test("a retried submission with the same id is recorded once", async ({ page }) => {
  const quiz = quizDefinition("l3-structure-check");
  await signedInStudent(page);
  const submissionId = crypto.randomUUID();
  const responses = Object.fromEntries(quiz.items.map((item) => [item.id, rightAnswer(item)]));
  const send = () => page.request.post(`/api/quizzes/${quiz.id}/attempts`, { data: { quizId: quiz.id, quizVersion: quiz.version, submissionId, responses } });
  const [first, second] = [await send(), await send()];
  expect(first.status()).toBe(201);
  expect(second.status()).toBe(200);
  const attemptNumber = async (response: typeof first) => ((await response.json()) as { attemptNumber: number }).attemptNumber;
  expect(await attemptNumber(second)).toBe(await attemptNumber(first));
  const state = (await (await page.request.get(`/api/quizzes/${quiz.id}/state`)).json()) as { attempts: Array<{ score: number }> };
  expect(state.attempts).toHaveLength(1);
  expect(state.attempts[0]?.score).toBe(quiz.items.length);
});

test("passing a lesson's quiz marks the lesson complete", async ({ page }) => {
  const quiz = quizDefinition("l2-check");
  await signedInStudent(page);
  await page.goto(lessonUrl(quiz));
  await openQuiz(quizSection(page, quiz));
  await choose(page, quiz, rightAnswer);
  await quizSection(page, quiz).getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-status")).toContainText("Passed.");
  await expect(page.getByRole("button", { name: "✓ Completed" })).toBeVisible();
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId(`lesson-status-${quiz.lessonSlug}`)).toHaveText("✓ Complete");
});

test("selections in progress survive a reload, signed in and signed out", async ({ page, browser }) => {
  const quiz = quizDefinition("l3-structure-check");
  const [a, b] = [quiz.items[0]!, quiz.items[1]!];

  // Signed out: kept in this browser.
  const guest = await browser.newPage();
  await guest.goto(lessonUrl(quiz));
  await openQuiz(quizSection(guest, quiz));
  await guest.locator(`input[value="${a.choices[1]!.id}"]`).check();
  await guest.reload();
  await openQuiz(quizSection(guest, quiz));
  await expect(guest.locator(`input[value="${a.choices[1]!.id}"]`)).toBeChecked();

  // Signing in from the quiz keeps the selections and moves them to the account.
  await quizSection(guest, quiz).getByRole("button", { name: "Sign in to submit" }).click();
  await expect(guest).toHaveURL(/\/signin/);
  const account = await signedInStudent(page); // creates an account (in another context)
  await guest.getByLabel("Email").fill(account.email);
  await guest.getByLabel("Password").fill(account.password);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await expect(guest).toHaveURL(new RegExp(`${quiz.lessonSlug}`));
  await openQuiz(quizSection(guest, quiz));
  await expect(guest.locator(`input[value="${a.choices[1]!.id}"]`)).toBeChecked();

  // Signed in: saved on the server, so a fresh browser context sees them.
  await guest.locator(`input[value="${b.choices[0]!.id}"]`).check();
  await expect.poll(async () => ((await (await guest.request.get(`/api/quizzes/${quiz.id}/state`)).json()) as { draft?: Record<string, string[]> }).draft?.[b.id]).toEqual([b.choices[0]!.id]);
  await page.goto(lessonUrl(quiz));
  await openQuiz(quizSection(page, quiz));
  await expect(page.locator(`input[value="${a.choices[1]!.id}"]`)).toBeChecked();
  await expect(page.locator(`input[value="${b.choices[0]!.id}"]`)).toBeChecked();
  await guest.close();
});

test("a keyboard-only learner can complete a quiz", async ({ page }) => {
  const quiz = quizDefinition("l5-deployment-check");
  await signedInStudent(page);
  await page.goto(lessonUrl(quiz));
  const section = quizSection(page, quiz);
  // The quiz goes live at the reader's first key press once the page is interactive, wherever the quiz is.
  await expect(async () => {
    await page.keyboard.press("Tab");
    await expect(section).toHaveAttribute("data-phase", "answering", { timeout: 1_000 });
  }).toPass();
  // Focus the first choice of the first question, then answer every question with the keyboard only.
  // Choices are shuffled per learner: start on whichever choice the page shows first.
  await page.getByTestId(`quiz-item-${quiz.items[0]!.id}`).locator("input").first().focus();
  for (const [index, item] of quiz.items.entries()) {
    if (item.kind === "numeric") {
      await page.keyboard.type(someAnswer(item)[0]!); // a numeric item is typed into its field
      await page.keyboard.press("Tab");
    } else if (item.kind === "multiple") {
      await page.keyboard.press("Space"); // tick the focused checkbox
      for (let i = 0; i < item.choices.length; i++) await page.keyboard.press("Tab");
    } else {
      await page.keyboard.press("ArrowDown"); // radios: arrow keys select within the group
      await page.keyboard.press("Tab");
    }
    const next = quiz.items[index + 1];
    if (next?.kind === "numeric") await expect(page.locator(":focus")).toHaveAttribute("data-testid", `numeric-${next.id}`);
    else if (next) await expect(page.locator(":focus")).toHaveAttribute("name", `${quiz.id}-${next.id}`);
  }
  await expect(page.locator(":focus")).toHaveText("Submit answers");
  await page.keyboard.press("Enter");
  await expect(section).toHaveAttribute("data-phase", "reviewing");
  await expect(page.getByTestId("quiz-status")).toContainText("Score");
});

test("a lesson's quiz is in the document in line, and loads its code and state only as it nears the viewport", async ({ page }) => {
  const quiz = quizDefinition("l1-check");
  await signedInStudent(page);
  // The document: the quiz's markup in its place in the lesson, not streamed after the scripts for a script to move.
  const html = await (await page.request.get(lessonUrl(quiz))).text();
  const at = html.indexOf(`data-testid="quiz-${quiz.id}"`);
  expect(at).toBeGreaterThan(0);
  expect(html.indexOf("</main>")).toBeGreaterThan(at);
  // React appends out-of-line content (`<div hidden id="S:n">`) after the shell. Next's own empty boundaries
  // (streamed metadata, say) may land there when a render is slow; the quiz must be in the shell, before any.
  const firstOutOfLine = html.search(/<div hidden id="S:/);
  const outOfLine = firstOutOfLine === -1 ? "" : html.slice(firstOutOfLine);
  expect(outOfLine).not.toContain(`data-testid="quiz-${quiz.id}"`);

  const stateRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes(`/api/quizzes/${quiz.id}/state`)) stateRequests.push(request.url());
  });
  await page.goto(lessonUrl(quiz));
  await page.waitForLoadState("networkidle");
  const section = quizSection(page, quiz);
  // Far below the fold: shown as the server rendered it, not yet live.
  await expect(section).toBeAttached();
  expect(await section.evaluate((element) => element.getBoundingClientRect().top - window.innerHeight)).toBeGreaterThan(600);
  await expect(section).toHaveAttribute("data-phase", "loading");
  expect(stateRequests).toEqual([]);

  await openQuiz(section);
  expect(stateRequests).toHaveLength(1);
  await expect(section.getByRole("button", { name: "Submit answers" })).toBeEnabled();
});
