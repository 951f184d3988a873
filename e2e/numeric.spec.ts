// A numeric item end to end (#15): an instructor publishes a lesson with a <Numeric> in the studio, a learner
// types a malformed number (refused, no attempt used), then a wrong and a right one at the tolerance's edge;
// the key shows only after the last attempt, and /studio/analytics shows the answers given.
import { expect, test } from "@playwright/test";
import { SessionClient } from "@/scripts/reliability/session-client";
import { COURSE, DEMO, openQuiz, signedInStudent, signInViaApi } from "./support";

const SLUG = "numeric-practice";
const SOURCE = `---
title: Numeric practice
slug: ${SLUG}
summary: One numeric item.
estimatedMinutes: 5
objectives:
  - Compute a padded risk
---

Ten calibration scores; six exceed 0.

<Quiz id="numeric-practice-check" maxAttempts={2} showAnswers="after-last-attempt">
  <Numeric id="numeric-padded-risk" question="What is the padded risk at ŝ = 0?" answer={0.7} tolerance={0.005} units="" feedbackIncorrect="FEEDBACK-NUMERIC-WRONG: count the values above 0 again.">
    <Explanation>EXPLANATION-NUMERIC-E2E: six of ten exceed 0, so (6 + 1)/10 = 0.7.</Explanation>
  </Numeric>
</Quiz>
`;

test("a learner answers a numeric item: strict input, tolerance edge, key after the last attempt, analytics", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const instructor = new SessionClient(`http://localhost:${process.env.E2E_PORT ?? 3100}`);
  await instructor.signIn(DEMO.instructor.email, DEMO.instructor.password);
  const created = await instructor.send("POST", `/api/studio/courses/${COURSE}/lessons`, { json: { slug: SLUG, title: "Numeric practice" } });
  expect(created.status, created.text).toBeLessThan(300);
  const published = await instructor.send("POST", `/api/studio/courses/${COURSE}/lessons/${SLUG}/publish`, { json: { source: SOURCE, baseRevisionId: null, draftVersion: 1 } });
  expect(published.status, published.text).toBe(201);

  await signedInStudent(page);
  const html = await (await page.goto(`/courses/${COURSE}/${SLUG}`))!.text();
  expect(html).not.toMatch(/EXPLANATION-NUMERIC-E2E|FEEDBACK-NUMERIC-WRONG|0\.005|numericKey/);
  const section = page.getByTestId("quiz-numeric-practice-check");
  await openQuiz(section);
  const input = page.getByTestId("numeric-numeric-padded-risk");

  // A comma is not a number here: the page says so and nothing is submitted.
  await input.fill("0,7");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("alert")).toContainText("Question 1: write the number with a point");
  await expect(section).toContainText("2 of 2 attempts left");

  // Wrong: feedback on the answer, no key yet.
  await input.fill("0.6");
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-item-numeric-padded-risk")).toHaveAttribute("data-result", "incorrect");
  await expect(section).toContainText("FEEDBACK-NUMERIC-WRONG");
  await expect(section.getByTestId("numeric-right-answer")).toHaveCount(0);
  await expect(section.getByTestId("quiz-explanation")).toHaveCount(0);

  // Right at the edge of the tolerance (0.7 − 0.005), on the last attempt: now the key and explanation show.
  await section.getByRole("button", { name: "Try again" }).click();
  await input.fill("0.695");
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-item-numeric-padded-risk")).toHaveAttribute("data-result", "correct");
  await expect(section.getByTestId("numeric-right-answer")).toHaveText("Correct answer: 0.7 ± 0.005");
  await expect(section.getByTestId("quiz-explanation")).toContainText("EXPLANATION-NUMERIC-E2E");

  // The instructor sees the answers given.
  const studio = await browser.newPage();
  await signInViaApi(studio, DEMO.instructor.email, DEMO.instructor.password);
  await studio.goto(`/studio/analytics?course=${COURSE}&basis=all`);
  const distribution = studio.getByTestId("analytics-numeric-practice-check").getByTestId("numeric-distribution");
  await expect(distribution).toContainText("0.695");
  await expect(distribution).toContainText("0.6");
  await studio.close();
  await instructor.send("PATCH", `/api/studio/courses/${COURSE}/lessons/${SLUG}`, { json: { published: false } });
});
