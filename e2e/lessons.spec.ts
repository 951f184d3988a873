import { expect, test } from "@playwright/test";
import { COURSE, createAccount, expectNoAxeViolations, LESSONS, setTheme, signInViaApi } from "./support";

test("read a lesson: table of contents, next and previous, mark complete, progress survives reload and re-sign-in", async ({ page }) => {
  const account = await createAccount(page.request);
  await signInViaApi(page, account.email, account.password);

  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId("course-progress-text")).toHaveText(`0 of ${LESSONS.length} lessons complete`);
  await page.getByRole("link", { name: /1\. Why fitting data is not enough/ }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/${LESSONS[0]}$`));

  // The table of contents jumps to a section.
  const toc = page.getByRole("navigation", { name: "On this page" });
  const firstEntry = toc.getByRole("link").nth(1);
  const target = (await firstEntry.getAttribute("href"))!;
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();

  // Next and previous.
  await page.getByRole("link", { name: /^Next:/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${LESSONS[1]}$`));
  await page.getByRole("link", { name: /^← Previous:/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${LESSONS[0]}$`));

  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: "✓ Completed" })).toBeVisible();

  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId("course-progress-text")).toHaveText(`1 of ${LESSONS.length} lessons complete`);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "20");
  await page.reload();
  await expect(page.getByTestId("course-progress-text")).toHaveText(`1 of ${LESSONS.length} lessons complete`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signInViaApi(page, account.email, account.password);
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId("course-progress-text")).toHaveText(`1 of ${LESSONS.length} lessons complete`);

  // "Continue where you left off" on the home page points at the last lesson visited.
  await page.goto("/");
  await expect(page.getByTestId("resume-link")).toContainText("Why fitting data is not enough");
});

test("a signed-out reader's progress is kept locally and merged into the account on sign-in", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${LESSONS[2]}`);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId("course-progress-text")).toHaveText(`1 of ${LESSONS.length} lessons complete`);

  const account = await createAccount(page.request);
  await signInViaApi(page, account.email, account.password);
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId(`lesson-status-${LESSONS[2]}`)).toHaveText("✓ Complete");
  // Now stored on the server: a fresh browser context with the same account sees it too.
  const progress = (await (await page.request.get(`/api/progress?course=${COURSE}`)).json()) as { lessons: Array<{ lessonSlug: string; completed: boolean }> };
  expect(progress.lessons.find((entry) => entry.lessonSlug === LESSONS[2])?.completed).toBe(true);
});

test("search finds a lesson by a word in its body", async ({ page }) => {
  await page.goto("/search");
  await page.getByLabel("Search lessons").fill("Strathern");
  const results = page.getByTestId("search-results");
  // A hit per matching section; each names its lesson.
  await expect(results.getByRole("link", { name: "Goodhart's law and specification gaming" }).first()).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations on the home, course and lesson pages (${theme})`, async ({ page }) => {
    await setTheme(page, theme);
    for (const path of ["/", `/courses/${COURSE}`, `/courses/${COURSE}/${LESSONS[0]}`]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
      await expectNoAxeViolations(page);
    }
  });
}
