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

test("the glossary renders its symbols as MathML and is reachable from the syllabus", async ({ page }) => {
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("link", { name: "Glossary and notation" }).click();
  await expect(page).toHaveURL(new RegExp(`${GLOSSARY}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Glossary and notation" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Symbols" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Terms" })).toBeVisible();
  // KaTeX compiles to MathML only (lib/content/katex-options.ts) and the browser lays it out natively: what a
  // reader sees is real MathML elements, not TeX source and not KaTeX's error markup.
  const main = page.getByRole("main");
  expect(await main.locator("math").count()).toBeGreaterThan(10);
  await expect(main.locator(".katex-error")).toHaveCount(0);
  const rho = page.locator("#rho-term math");
  await expect(rho).toBeVisible();
  expect(await rho.evaluate((element) => element.namespaceURI)).toBe("http://www.w3.org/1998/Math/MathML");
  await expect(rho.locator("mi")).toHaveText("ρ");
  await expect(rho.locator("mi")).toBeVisible();
  // The TeX source rides along for screen readers and copying, but is not what the page shows.
  await expect(rho.locator('annotation[encoding="application/x-tex"]')).toHaveText("\\rho");
  await expect(rho.locator("annotation")).toBeHidden();
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
