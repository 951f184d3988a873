// How a lesson reads: math laid out by the stylesheet of the KaTeX that rendered it, headings that look like
// headings, a table of contents that reaches the quiz, search hits that land on the passage, one course time.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { describeMinutes } from "@/lib/course/duration";
import { COURSE, DEMO, LESSONS, signInViaApi } from "./support";

test("a subscript is smaller than its base and sits lower", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${LESSONS[0]}`);
  const script = page.getByRole("main").locator(".katex-html .msupsub").first();
  await script.scrollIntoViewIfNeeded();
  const measured = await script.evaluate((msupsub) => {
    const firstText = (root: Element) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP));
      return walker.nextNode()!.parentElement!;
    };
    const measure = (element: Element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent, fontSize: parseFloat(getComputedStyle(element).fontSize), height: box.height, middle: box.top + box.height / 2 };
    };
    return { base: measure(firstText(msupsub.previousElementSibling!)), script: measure(firstText(msupsub)) };
  });
  // ℒ_SFT in the first display formula: the subscript is set at KaTeX's script size (70%), and lowered.
  expect(measured.script.fontSize, JSON.stringify(measured)).toBeLessThan(0.8 * measured.base.fontSize);
  expect(measured.script.height, JSON.stringify(measured)).toBeLessThan(measured.base.height);
  expect(measured.script.middle, JSON.stringify(measured)).toBeGreaterThan(measured.base.middle);
});

/** A section heading looks like the text around it would make a heading look, not like a link. */
async function expectHeadingStyle(page: Page, heading: Locator) {
  const anchor = heading.locator("a.heading-anchor");
  await expect(anchor).toHaveAttribute("href", /^#/);
  const style = (element: Element, pseudo?: string) => {
    const computed = getComputedStyle(element, pseudo);
    return { color: computed.color, decoration: computed.textDecorationLine, opacity: computed.opacity, content: computed.content };
  };
  const headingColour = await heading.evaluate((element) => getComputedStyle(element).color);
  const link = await anchor.evaluate(style);
  expect(link.color).toBe(headingColour);
  expect(link.decoration).toBe("none");
  // The anchor mark is there but hidden until the heading is hovered or focused from the keyboard.
  await page.mouse.move(0, 0);
  expect(await anchor.evaluate(style, "::after")).toMatchObject({ opacity: "0" });
  await anchor.hover();
  await expect.poll(async () => (await anchor.evaluate(style, "::after")).opacity).toBe("1");
  expect((await anchor.evaluate(style, "::after")).content).toMatch(/#/);
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await anchor.evaluate(style, "::after")).opacity).toBe("0");
  await anchor.focus();
  await expect.poll(async () => (await anchor.evaluate(style, "::after")).opacity).toBe("1");
}

test("section headings look like headings in a lesson, with their anchor shown on hover and focus", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${LESSONS[1]}`);
  await expectHeadingStyle(page, page.getByRole("main").locator(".prose h2").first());
});

test("section headings look like headings in the studio preview too", async ({ page }) => {
  await signInViaApi(page, DEMO.instructor.email, DEMO.instructor.password);
  await page.goto(`/studio/${COURSE}/${LESSONS[1]}`);
  const heading = page.getByTestId("studio-preview").locator(".prose h2").first();
  await expect(heading).toBeVisible({ timeout: 30_000 });
  await expectHeadingStyle(page, heading);
});

test("the table of contents has an entry for the quiz, before the references, and it jumps there", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${LESSONS[0]}`);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const entries = await toc.getByRole("link").allInnerTexts();
  const quizAt = entries.findIndex((text) => /^Check your understanding/.test(text));
  expect(quizAt, entries.join(" | ")).toBeGreaterThan(0);
  expect(quizAt).toBeLessThan(entries.indexOf("References"));
  const entry = toc.getByRole("link").nth(quizAt);
  await expect(entry).toHaveAttribute("href", "#quiz-l1-check");
  await entry.click();
  await expect(page).toHaveURL(/#quiz-l1-check$/);
  await expect(page.getByTestId("quiz-l1-check").getByRole("heading", { level: 2 })).toBeInViewport();
});

test("a search hit links to the section that matched, not the top of the lesson", async ({ page }) => {
  await page.goto("/search");
  await page.getByLabel("Search lessons").fill("Strathern");
  const hit = page.getByTestId("search-results").getByRole("link").first();
  await expect(hit).toHaveAttribute("href", `/courses/${COURSE}/${LESSONS[1]}#from-goodhart-to-strathern`);
  await expect(hit).toContainText("From Goodhart to Strathern");
  await hit.click();
  await expect(page.locator("#from-goodhart-to-strathern")).toBeInViewport();
});

test("the home page and the syllabus give one course time: the sum of the lessons' times", async ({ page }) => {
  await page.goto(`/courses/${COURSE}`);
  const perLesson = await page.getByText(/^\d+ min · /).allInnerTexts();
  expect(perLesson).toHaveLength(LESSONS.length);
  const total = perLesson.reduce((sum, text) => sum + Number(/^(\d+)/.exec(text)![1]), 0);
  const label = describeMinutes(total);
  await expect(page.getByTestId("course-time")).toHaveText(new RegExp(`^${label}\\b`));
  await page.goto("/");
  await expect(page.getByTestId("course-time")).toHaveText(new RegExp(`^${label}\\b`));
});
