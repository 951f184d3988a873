// The glossary and notation page: it renders with its math, passes axe, lessons and the syllabus link into it,
// its senses link back to lesson sections, and search finds an entry.
import { expect, test } from "@playwright/test";
import { COURSE, expectNoAxeViolations, setTheme } from "./support";

const GLOSSARY = `/courses/${COURSE}/glossary`;

test("a lesson links to a glossary entry, which opens at the entry and links back to the lesson section", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/conformal-property-alignment`);
  await page.getByRole("main").getByRole("link", { name: "exchangeability", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${GLOSSARY}#exchangeability$`));
  const entry = page.locator("#exchangeability");
  await expect(entry.getByRole("heading", { level: 3, name: "Exchangeability" })).toBeInViewport();
  await expect(entry).toContainText("joint distribution");

  // A symbol's senses: one row per lesson, each linking to the section that introduces that meaning.
  const alpha = page.locator("#alpha");
  const rows = alpha.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(5); // the header and four lessons
  await alpha.getByRole("link", { name: /^4\. Aligning model properties/ }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/conformal-property-alignment#the-choice-rule$`));
  await expect(page.locator("#the-choice-rule")).toBeInViewport();
});

test("the glossary renders its symbols with KaTeX and is reachable from the syllabus", async ({ page }) => {
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("link", { name: "Glossary and notation" }).click();
  await expect(page).toHaveURL(new RegExp(`${GLOSSARY}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Glossary and notation" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Symbols" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Terms" })).toBeVisible();
  const main = page.getByRole("main");
  expect(await main.locator(".katex").count()).toBeGreaterThan(10);
  await expect(main.locator(".katex-error")).toHaveCount(0);
  await expect(page.locator("#rho-term .katex-mathml annotation")).toHaveText("\\rho");
});

test("search finds a glossary entry and opens the glossary at it", async ({ page }) => {
  await page.goto("/search");
  await page.getByLabel("Search lessons").fill("proximity-oblivious");
  const hit = page.getByTestId("search-results").getByRole("link", { name: "Glossary and notation › Proximity-oblivious tester" });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`${GLOSSARY}#proximity-oblivious-tester$`));
  await expect(page.locator("#proximity-oblivious-tester")).toBeInViewport();
});

test("an unknown course has no glossary", async ({ page }) => {
  const response = await page.goto("/courses/no-such-course/glossary");
  expect(response?.status()).toBe(404);
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations on the glossary (${theme})`, async ({ page }) => {
    test.slow(); // a long page, with a few hundred KaTeX nodes for axe to walk
    await setTheme(page, theme);
    await page.goto(GLOSSARY);
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
    await expectNoAxeViolations(page);
  });
}
