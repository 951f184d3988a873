import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { COURSE, DEMO, revealFigures, signInViaApi } from "./support";

// The interactive figures of lessons 1, 2, 3 and 5: sliders drive the readouts and the charts,
// each figure passes axe in light and dark mode, and it fits a phone. A figure no lesson embeds yet
// is checked on a lesson published for the test through the studio, then hidden again.
const PREFERENCE_LESSON = "/courses/alignment-foundations/why-fitting-data-is-not-enough";
const GOODHART_LESSON = "/courses/alignment-foundations/goodhart-and-specification-gaming";
const GENERALISATION_LESSON = "/courses/alignment-foundations/data-structure-and-generalisation";
const SHIFT_LESSON = "/courses/alignment-foundations/evaluation-and-deployment";

/** Readouts show "simulated (closed form)"; returns both numbers. */
async function readPair(readout: Locator): Promise<{ simulated: number; theory: number }> {
  const text = (await readout.textContent()) ?? "";
  const match = /(-?\d+(?:\.\d+)?)\s*\((-?\d+(?:\.\d+)?)\)/.exec(text);
  if (!match) throw new Error(`unexpected readout text: ${text}`);
  return { simulated: Number(match[1]), theory: Number(match[2]) };
}

/** Like readNumber, for readouts that print negative numbers with a true minus sign (−0.33). */
async function readSignedNumber(readout: Locator): Promise<number> {
  const text = ((await readout.textContent()) ?? "").replace("−", "-");
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) throw new Error(`unexpected readout text: ${text}`);
  return value;
}

async function readNumber(readout: Locator): Promise<number> {
  const text = (await readout.textContent()) ?? "";
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) throw new Error(`unexpected readout text: ${text}`);
  return value;
}

/** Waits until the figure has loaded and drawn its charts (they render only in the browser, near the reader). */
async function openFigure(page: Page, path: string, figureTestId: string, chartTestIds: string[]): Promise<Locator> {
  await page.goto(path);
  await revealFigures(page);
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

test.describe("preference-learning figure", () => {
  const charts = ["preference-rewards", "preference-curve"];

  test("giving group B all the comparisons moves the fitted ranking to group B's", async ({ page }) => {
    const figure = await openFigure(page, PREFERENCE_LESSON, "preference-figure", charts);
    const rankA = figure.getByTestId("preference-readout-rank-a");
    const rankB = figure.getByTestId("preference-readout-rank-b");
    const before = { a: await readSignedNumber(rankA), b: await readSignedNumber(rankB), chart: await figure.getByTestId("preference-rewards").innerHTML() };

    // End moves group B's share to its maximum, 100%.
    await figure.getByTestId("preference-share-slider").press("End");

    await expect(figure.getByTestId("preference-share-number")).toHaveValue("100");
    await expect.poll(() => readSignedNumber(rankB)).toBeGreaterThan(before.b);
    await expect.poll(() => readSignedNumber(rankA)).toBeLessThan(before.a);
    await expect.poll(() => figure.getByTestId("preference-rewards").innerHTML()).not.toBe(before.chart);
  });

  test("the comparisons slider changes the number of comparisons fitted", async ({ page }) => {
    const figure = await openFigure(page, PREFERENCE_LESSON, "preference-figure", charts);
    const comparisons = figure.getByTestId("preference-readout-comparisons");
    const before = await comparisons.textContent();
    await figure.getByTestId("preference-comparisons-slider").press("Home");
    await expect(comparisons).toHaveText("20 (0)");
    await expect(comparisons).not.toHaveText(before ?? "");
  });

  test("has no axe violations in light or dark mode, with the tables open", async ({ page }) => {
    const figure = await openFigure(page, PREFERENCE_LESSON, "preference-figure", charts);
    await expectNoAxeViolations(page, "preference-figure");
    await figure.locator("summary").click();
    await expect(figure.locator("table").first()).toBeVisible();
    await page.evaluate(() => document.documentElement.classList.add("dark"));
    await expectNoAxeViolations(page, "preference-figure");
  });

  test("fits a 375px-wide phone, and passes axe there with the tables open", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const figure = await openFigure(page, PREFERENCE_LESSON, "preference-figure", charts);
    await expectFitsWidth(figure);
    await figure.locator("summary").click();
    await expectNoAxeViolations(page, "preference-figure");
  });
});

test.describe("shift-monitor figure", () => {
  const charts = ["shift-accuracy", "shift-monitor"];

  test("a larger shift costs more accuracy and is detected no later", async ({ page }) => {
    const figure = await openFigure(page, SHIFT_LESSON, "shift-monitor-figure", charts);
    const accuracyBefore = figure.getByTestId("shift-readout-accuracy-before");
    const accuracyAfter = figure.getByTestId("shift-readout-accuracy-after");
    const delay = figure.getByTestId("shift-readout-delay");
    const before = {
      accuracyBefore: await accuracyBefore.textContent(),
      accuracyAfter: await readNumber(accuracyAfter),
      delay: await readNumber(delay),
      chart: await figure.getByTestId("shift-accuracy").innerHTML(),
    };

    // End moves the shift to its maximum: the input mean reaches 4 in the last window.
    await figure.getByTestId("shift-size-slider").press("End");

    await expect(figure.getByTestId("shift-size-number")).toHaveValue("4");
    await expect.poll(() => readNumber(accuracyAfter)).toBeLessThan(before.accuracyAfter - 20);
    await expect.poll(() => readNumber(delay)).toBeLessThanOrEqual(before.delay);
    // The windows before the shift are the same inputs, so their accuracy does not move.
    await expect(accuracyBefore).toHaveText(before.accuracyBefore ?? "");
    await expect.poll(() => figure.getByTestId("shift-accuracy").innerHTML()).not.toBe(before.chart);
  });

  test("with no shift there is nothing to detect, and the threshold follows the false-alarm rate", async ({ page }) => {
    const figure = await openFigure(page, SHIFT_LESSON, "shift-monitor-figure", charts);
    await figure.getByTestId("shift-size-slider").press("Home");
    await expect(figure.getByTestId("shift-readout-delay")).toHaveText("no shift to detect");

    const threshold = figure.getByTestId("shift-readout-threshold");
    const strict = await readNumber(threshold);
    // End raises the target false-alarm rate to 20%, so the alarm threshold must come down.
    await figure.getByTestId("shift-false-alarm-slider").press("End");
    await expect.poll(() => readNumber(threshold)).toBeLessThan(strict);
  });

  test("has no axe violations in light or dark mode, with the table open", async ({ page }) => {
    const figure = await openFigure(page, SHIFT_LESSON, "shift-monitor-figure", charts);
    await expectNoAxeViolations(page, "shift-monitor-figure");
    await figure.locator("summary").click();
    await expect(figure.locator("table")).toBeVisible();
    await page.evaluate(() => document.documentElement.classList.add("dark"));
    await expectNoAxeViolations(page, "shift-monitor-figure");
  });

  test("fits a 375px-wide phone, and passes axe there with the table open", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const figure = await openFigure(page, SHIFT_LESSON, "shift-monitor-figure", charts);
    await expectFitsWidth(figure);
    await figure.locator("summary").click();
    await expectNoAxeViolations(page, "shift-monitor-figure");
  });
});

test.describe("shape/colour figure (same learner, different data)", () => {
  const charts = ["shape-colour-images", "shape-colour-curve"];
  const percentOf = async (readout: Locator) => readNumber(readout);

  test("the learner follows colour, then shape as decorrelated images are added, and over-corrects when they dominate", async ({ page }) => {
    // No lesson embeds the figure yet (the course writer will); publish a one-figure lesson for the test.
    await signInViaApi(page, DEMO.instructor.email, DEMO.instructor.password);
    const slug = `shape-colour-${randomUUID().slice(0, 8)}`;
    const lessonApi = `/api/studio/courses/${COURSE}/lessons/${slug}`;
    expect((await page.request.post(`/api/studio/courses/${COURSE}/lessons`, { data: { slug, title: "Shape and colour" } })).status()).toBe(201);
    const source = `---\ntitle: Shape and colour\nslug: ${slug}\nsummary: The shape and colour figure.\nestimatedMinutes: 5\nobjectives:\n  - See data change the rule.\n---\n\n<ShapeColourFigure />\n`;
    expect((await page.request.post(`${lessonApi}/publish`, { data: { source, baseRevisionId: null, draftVersion: 1 } })).status()).toBe(201);
    try {
      const figure = await openFigure(page, `/courses/${COURSE}/${slug}`, "shape-colour-figure", charts);
      const rule = figure.getByTestId("shape-colour-readout-rule");
      const conflict = figure.getByTestId("shape-colour-readout-conflict");
      const trainingLike = figure.getByTestId("shape-colour-readout-training-like");
      const chart = await figure.getByTestId("shape-colour-images").innerHTML();

      // Colour always follows shape in training: the learner takes the shortcut.
      await expect(rule).toHaveText("colour (the shortcut)");
      expect(await percentOf(conflict)).toBeLessThan(10);
      expect(await percentOf(trainingLike)).toBeGreaterThan(99);

      // The keyboard moves the slider one pair of images at a time.
      const added = figure.getByTestId("shape-colour-added-slider");
      await added.press("ArrowRight");
      await expect(added).toHaveAttribute("aria-valuetext", "2 images");
      await expect.poll(() => percentOf(conflict)).toBeGreaterThan(10);
      await expect.poll(() => figure.getByTestId("shape-colour-images").innerHTML()).not.toBe(chart);

      // Forty decorrelated images: the same learner now follows shape.
      await figure.getByTestId("shape-colour-added-number").fill("40");
      await figure.getByTestId("shape-colour-added-number").press("Enter");
      await expect(rule).toHaveText("shape (the intended rule)");
      expect(await percentOf(conflict)).toBeGreaterThan(75);

      // Weighted twenty times, the added images outweigh the base set: the learner leans on the reversed pairing.
      await figure.getByTestId("shape-colour-weight-slider").press("End");
      await figure.getByTestId("shape-colour-added-slider").press("End");
      await expect(rule).toHaveText("shape, leaning on the reversed colour pairing");
      await expect.poll(() => percentOf(trainingLike)).toBeLessThan(85);

      // The table equivalent, and axe in light and dark mode.
      await figure.locator("summary").click();
      await expect(figure.locator("table tbody tr")).toHaveCount(7);
      await expectNoAxeViolations(page, "shape-colour-figure");
      await page.evaluate(() => document.documentElement.classList.add("dark"));
      await expectNoAxeViolations(page, "shape-colour-figure");

      await page.setViewportSize({ width: 375, height: 800 });
      await expectFitsWidth(figure);
    } finally {
      expect((await page.request.patch(lessonApi, { data: { published: false } })).status()).toBe(200);
    }
  });
});

test("a lesson's figure loads its code only as the reader nears it", async ({ page }) => {
  await page.goto(PREFERENCE_LESSON);
  await page.waitForLoadState("networkidle");
  const placeholder = page.locator("[data-figure-placeholder]");
  // Far below the fold: still the placeholder once the page has settled, and no figure code has run.
  await expect(placeholder).toHaveCount(1);
  expect(await placeholder.evaluate((element) => element.getBoundingClientRect().top - window.innerHeight)).toBeGreaterThan(600);
  await expect(page.getByTestId("preference-figure")).toHaveCount(0);
  const heightBefore = await placeholder.evaluate((element) => element.getBoundingClientRect().height);

  await revealFigures(page);
  const figure = page.getByTestId("preference-figure");
  await expect(figure.locator("svg").first()).toBeVisible();
  expect((await figure.boundingBox())!.height).toBeGreaterThanOrEqual(heightBefore);
});
