import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

// The interactive figures of lessons 2 and 3: sliders drive the readouts and the charts, the
// figure passes axe in light and dark mode, and it fits a phone.
const GOODHART_LESSON = "/courses/alignment-foundations/goodhart-and-specification-gaming";
const GENERALISATION_LESSON = "/courses/alignment-foundations/data-structure-and-generalisation";

/** Readouts show "simulated (closed form)"; returns both numbers. */
async function readPair(readout: Locator): Promise<{ simulated: number; theory: number }> {
  const text = (await readout.textContent()) ?? "";
  const match = /(-?\d+(?:\.\d+)?)\s*\((-?\d+(?:\.\d+)?)\)/.exec(text);
  if (!match) throw new Error(`unexpected readout text: ${text}`);
  return { simulated: Number(match[1]), theory: Number(match[2]) };
}

async function readNumber(readout: Locator): Promise<number> {
  const text = (await readout.textContent()) ?? "";
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) throw new Error(`unexpected readout text: ${text}`);
  return value;
}

/** Waits until the figure has hydrated and drawn its charts (they render only in the browser). */
async function openFigure(page: Page, path: string, figureTestId: string, chartTestIds: string[]): Promise<Locator> {
  await page.goto(path);
  const figure = page.getByTestId(figureTestId);
  await figure.scrollIntoViewIfNeeded();
  for (const id of chartTestIds) await expect(figure.getByTestId(id).locator("svg").first()).toBeVisible();
  return figure;
}

async function expectNoAxeViolations(page: Page, figureTestId: string) {
  const results = await new AxeBuilder({ page }).include(`[data-testid="${figureTestId}"]`).analyze();
  expect(results.violations).toEqual([]);
}

async function expectFitsWidth(figure: Locator) {
  const { scrollWidth, clientWidth, right, viewport } = await figure.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
    right: element.getBoundingClientRect().right,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  expect(right).toBeLessThanOrEqual(viewport);
}

test.describe("regressional Goodhart figure", () => {
  const charts = ["goodhart-scatter", "goodhart-pressure"];

  test("harder selection widens the gap and redraws the charts", async ({ page }) => {
    const figure = await openFigure(page, GOODHART_LESSON, "goodhart-figure", charts);
    const count = figure.getByTestId("goodhart-readout-count");
    const gap = figure.getByTestId("goodhart-readout-gap");
    const countBefore = await count.textContent();
    const gapBefore = await readPair(gap);
    const chartBefore = await figure.getByTestId("goodhart-pressure").innerHTML();

    // Home moves the fraction selected to its minimum, 0.1%: the hardest selection.
    await figure.getByTestId("goodhart-fraction-slider").press("Home");

    await expect(figure.getByTestId("goodhart-fraction-number")).toHaveValue("0.1");
    await expect(count).not.toHaveText(countBefore ?? "");
    await expect.poll(async () => (await readPair(gap)).theory).toBeGreaterThan(gapBefore.theory);
    await expect.poll(() => figure.getByTestId("goodhart-pressure").innerHTML()).not.toBe(chartBefore);
  });

  test("with no proxy noise there is no gap", async ({ page }) => {
    const figure = await openFigure(page, GOODHART_LESSON, "goodhart-figure", charts);
    const noise = figure.getByTestId("goodhart-noise-number");
    await noise.fill("0");
    await noise.press("Enter");
    await expect(figure.getByTestId("goodhart-noise-slider")).toHaveValue("0");
    await expect.poll(() => readPair(figure.getByTestId("goodhart-readout-gap"))).toEqual({ simulated: 0, theory: 0 });
  });

  test("has no axe violations in light or dark mode, with the table open", async ({ page }) => {
    const figure = await openFigure(page, GOODHART_LESSON, "goodhart-figure", charts);
    await expectNoAxeViolations(page, "goodhart-figure");
    await figure.locator("summary").click();
    await expect(figure.locator("table")).toBeVisible();
    await page.evaluate(() => document.documentElement.classList.add("dark"));
    await expectNoAxeViolations(page, "goodhart-figure");
  });

  test("fits a 375px-wide phone", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const figure = await openFigure(page, GOODHART_LESSON, "goodhart-figure", charts);
    await expectFitsWidth(figure);
  });
});

test.describe("generalisation figure", () => {
  const charts = ["generalisation-fits", "generalisation-errors"];

  test("testing further out raises disagreement and test error, not training error", async ({ page }) => {
    const figure = await openFigure(page, GENERALISATION_LESSON, "generalisation-figure", charts);
    const range = figure.getByTestId("generalisation-readout-range");
    const training = figure.getByTestId("generalisation-readout-training");
    const disagreement = figure.getByTestId("generalisation-readout-disagreement");
    const cubicError = figure.getByTestId("generalisation-readout-test-cubic");
    const reluError = figure.getByTestId("generalisation-readout-test-relu");
    const before = {
      range: await range.textContent(),
      training: await training.textContent(),
      disagreement: await readNumber(disagreement),
      cubic: await readNumber(cubicError),
      relu: await readNumber(reluError),
      chart: await figure.getByTestId("generalisation-fits").innerHTML(),
    };

    // End moves the slider to its maximum: test on the training range widened by 1.5 each side.
    await figure.getByTestId("generalisation-extension-slider").press("End");

    await expect(range).toHaveText("[−2.50, 2.50]");
    await expect(range).not.toHaveText(before.range ?? "");
    await expect.poll(() => readNumber(disagreement)).toBeGreaterThan(5 * before.disagreement);
    await expect.poll(() => readNumber(cubicError)).toBeGreaterThan(before.cubic);
    await expect.poll(() => readNumber(reluError)).toBeGreaterThan(before.relu);
    await expect(training).toHaveText(before.training ?? "");
    await expect.poll(() => figure.getByTestId("generalisation-fits").innerHTML()).not.toBe(before.chart);
  });

  test("one arrow-key step on the slider changes the readout", async ({ page }) => {
    const figure = await openFigure(page, GENERALISATION_LESSON, "generalisation-figure", charts);
    const disagreement = figure.getByTestId("generalisation-readout-disagreement");
    const before = await disagreement.textContent();
    await figure.getByTestId("generalisation-extension-slider").press("ArrowRight");
    await expect(disagreement).not.toHaveText(before ?? "");
  });

  test("has no axe violations in light or dark mode, with the table open", async ({ page }) => {
    const figure = await openFigure(page, GENERALISATION_LESSON, "generalisation-figure", charts);
    await expectNoAxeViolations(page, "generalisation-figure");
    await figure.locator("summary").click();
    await expect(figure.locator("table")).toBeVisible();
    await page.evaluate(() => document.documentElement.classList.add("dark"));
    await expectNoAxeViolations(page, "generalisation-figure");
  });

  test("fits a 375px-wide phone", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const figure = await openFigure(page, GENERALISATION_LESSON, "generalisation-figure", charts);
    await expectFitsWidth(figure);
  });
});
