import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The conformal sandbox page: α moves ŝ and the band, a shared link restores the figures, a
// learner-written infinite loop is stopped while the page stays usable, and axe finds nothing.
const PAGE = "/sandbox/conformal";

async function waitForFigures(page: Page) {
  const sandbox = page.getByTestId("conformal-sandbox");
  await expect(sandbox.getByTestId("band-plot").locator("svg").first()).toBeVisible({ timeout: 30_000 });
  await expect(sandbox.getByTestId("compute-status")).toHaveAttribute("data-computing", "false", { timeout: 30_000 });
  return sandbox;
}

async function figures(page: Page) {
  const read = async (id: string) => ((await page.getByTestId(id).textContent()) ?? "").trim();
  return {
    width: await read("lambda-hat"),
    lambdaMinus: await read("lambda-minus"),
    lambdaPlus: await read("lambda-plus"),
    epsilon: await read("epsilon"),
    validity: await read("validity-mean"),
    band: await page.getByTestId("band-plot").getAttribute("aria-label"),
  };
}

async function setNumber(page: Page, testId: string, value: string) {
  const box = page.getByTestId(`${testId}-number`);
  await box.fill(value);
  await box.press("Enter");
}

test("moving α changes ŝ and the band", async ({ page }) => {
  await page.goto(PAGE);
  await waitForFigures(page);
  const before = await figures(page);
  expect(Number.parseFloat(before.width)).toBeGreaterThan(0);

  await page.getByTestId("alpha-slider").fill("0.03");
  await expect(page.getByTestId("lambda-hat")).not.toHaveText(before.width);
  await waitForFigures(page);
  const after = await figures(page);
  // A smaller α asks for fewer rejections, so the band widens.
  expect(Number.parseFloat(after.width)).toBeGreaterThan(Number.parseFloat(before.width));
  expect(after.band).not.toEqual(before.band);
  expect(after.lambdaPlus).not.toEqual(before.lambdaPlus);
});

test("a shared URL restores the same figures", async ({ page, browser }) => {
  await page.goto(PAGE);
  await waitForFigures(page);
  await page.getByTestId("dataset").selectOption("biased-fit-1d");
  await setNumber(page, "alpha", "0.05");
  await setNumber(page, "seed", "7");
  await setNumber(page, "upperShare", "0.7");
  await expect(page).toHaveURL(/alpha=0\.05/);
  await expect(page).toHaveURL(/seed=7/);
  await expect(page).toHaveURL(/upperShare=0\.7/);
  await waitForFigures(page);
  const shared = await figures(page);
  const url = page.url();

  const other = await browser.newPage();
  await other.goto(url);
  await waitForFigures(other);
  expect(await figures(other)).toEqual(shared);
  await expect(other.getByTestId("dataset")).toHaveValue("biased-fit-1d");
  await other.close();
});

test("an infinite loop in a learner property is stopped and the page stays responsive", async ({ page }) => {
  await page.goto(PAGE);
  await waitForFigures(page);
  const editor = page.getByTestId("property-editor");
  await editor.getByTestId("example-infinite-loop").click();
  await expect(editor.getByTestId("property-code")).toHaveValue(/while \(true\)/);
  await editor.getByTestId("property-run").click();
  await expect(editor.getByTestId("property-status")).toContainText("Running");

  // While the learner's worker spins, the page still answers and still recalibrates.
  const before = (await page.getByTestId("lambda-hat").textContent()) ?? "";
  const started = Date.now();
  await page.getByTestId("alpha-slider").fill("0.04");
  await expect(page.getByTestId("lambda-hat")).not.toHaveText(before);
  // Generous: the recalibration itself takes seconds on a loaded 2-core machine; a blocked page takes far longer.
  expect(Date.now() - started).toBeLessThan(10_000);

  const error = editor.getByTestId("property-error");
  await expect(error).toContainText("Stopped after 2 s", { timeout: 10_000 });
  await expect(error).toContainText("infinite loop");
  await expect(editor.getByTestId("property-run")).toBeEnabled();
});

test("learner properties report syntax errors and can replace the built-in tester", async ({ page }) => {
  await page.goto(PAGE);
  await waitForFigures(page);
  const editor = page.getByTestId("property-editor");
  await editor.getByTestId("property-code").fill("(f, x) => {");
  await editor.getByTestId("property-run").click();
  await expect(editor.getByTestId("property-error")).toContainText("Syntax error");

  await editor.getByRole("button", { name: "Lipschitz bound L = 1.5" }).click();
  await editor.getByTestId("property-run").click();
  await expect(editor.getByTestId("property-status")).toContainText("calibrated", { timeout: 15_000 });
  await waitForFigures(page);
  await expect(page.getByTestId("compute-status")).toContainText("using your property");
  await expect(page.getByTestId("lambda-hat")).toHaveText(/\d/);
});

test("the sandbox has no axe violations, in light and dark mode, and fits a phone", async ({ page }) => {
  await page.goto(PAGE);
  await waitForFigures(page);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.setViewportSize({ width: 375, height: 800 });
  await waitForFigures(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
