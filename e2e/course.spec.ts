// Every lesson of the course, end to end: it renders, its interactive figure responds, and its quiz grades.
import { expect, test } from "@playwright/test";
import { COURSE, enterAnswer, LESSONS, openQuiz, quizDefinitions, revealFigures, rightAnswer, signedInStudent } from "./support";

const FIGURES = '[data-testid$="-figure"], [data-testid="conformal-sandbox"]';

for (const lesson of LESSONS) {
  test(`lesson ${lesson}: renders, its figure responds to a slider, its quiz is graded`, async ({ page }) => {
    // Lesson 4 runs the conformal sandbox in a worker and has an 18-item quiz: more than 60 s on a busy machine.
    test.slow(lesson === "conformal-property-alignment");
    await signedInStudent(page);
    await page.goto(`/courses/${COURSE}/${lesson}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator('[id^="ref-"]').first()).toBeAttached();

    // The interactive figure: move its first slider to the end and watch the figure change.
    await revealFigures(page);
    const figure = page.locator(FIGURES).first();
    await figure.scrollIntoViewIfNeeded();
    const slider = figure.locator('input[type="range"]').first();
    await expect(slider).toBeVisible();
    await expect.poll(async () => (await figure.innerText()).length).toBeGreaterThan(50);
    const before = await figure.innerText();
    await slider.focus();
    await page.keyboard.press("End");
    await expect.poll(() => figure.innerText(), { timeout: 15_000 }).not.toBe(before);

    // The quiz: answer every item correctly and see full marks.
    const quiz = quizDefinitions().find((definition) => definition.lessonSlug === lesson)!;
    const section = page.getByTestId(`quiz-${quiz.id}`);
    await openQuiz(section);
    for (const item of quiz.items) await enterAnswer(page, item, rightAnswer(item));
    await section.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByTestId("quiz-score")).toContainText(`Score: ${quiz.items.length} / ${quiz.items.length} (100%)`);
  });
}

test("math renders as MathML, laid out by the browser, once per formula and with no KaTeX errors", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/conformal-property-alignment`);
  const article = page.getByRole("main");
  const formulas = article.locator(".katex");
  expect(await formulas.count()).toBeGreaterThan(20);
  await expect(article.locator("math[display='block']").first()).toBeAttached();
  await expect(article.locator(".katex-error")).toHaveCount(0);
  // MathML only (lib/content/katex-options.ts): read by screen readers and drawn by the browser, with no
  // second, HTML copy of the formula; it keeps the TeX source and is laid out with a real size.
  await expect(article.locator(".katex-html")).toHaveCount(0);
  const first = formulas.first();
  await first.scrollIntoViewIfNeeded();
  await expect(first.locator("math annotation[encoding='application/x-tex']")).toBeAttached();
  const box = await first.locator("math").boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(5);
  expect(box?.height ?? 0).toBeGreaterThan(5);
  expect(await first.locator("math").evaluate((node) => getComputedStyle(node).fontFamily)).toMatch(/math/);
});
