// Every lesson of the course, end to end: it renders, its interactive figure responds, and its quiz grades.
import { expect, test } from "@playwright/test";
import { COURSE, LESSONS, quizDefinitions, signedInStudent } from "./support";

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
    await expect(section).toHaveAttribute("data-phase", "answering");
    for (const item of quiz.items) {
      for (const choice of item.choices.filter((candidate) => candidate.correct)) {
        await page.locator(`input[value="${choice.id}"]`).check();
      }
    }
    await section.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByTestId("quiz-score")).toContainText(`Score: ${quiz.items.length} / ${quiz.items.length} (100%)`);
  });
}

test("math renders as KaTeX, with MathML for screen readers and no KaTeX errors", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/conformal-property-alignment`);
  const article = page.getByRole("main");
  const formulas = article.locator(".katex");
  expect(await formulas.count()).toBeGreaterThan(20);
  await expect(article.locator(".katex-display").first()).toBeAttached();
  await expect(article.locator(".katex-error")).toHaveCount(0);
  // Each formula: MathML (read by screen readers) and the visual HTML (hidden from them), laid out with a size.
  const first = formulas.first();
  await first.scrollIntoViewIfNeeded();
  await expect(first.locator(".katex-mathml math annotation[encoding='application/x-tex']")).toBeAttached();
  await expect(first.locator(".katex-html")).toHaveAttribute("aria-hidden", "true");
  const box = await first.locator(".katex-html").boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(5);
  expect(box?.height ?? 0).toBeGreaterThan(5);
  // The KaTeX stylesheet applies: its own font is used.
  expect(await first.locator(".katex-html .mord").first().evaluate((node) => getComputedStyle(node).fontFamily)).toMatch(/KaTeX/);
});
