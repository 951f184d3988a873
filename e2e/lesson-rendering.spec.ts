// How a lesson reads: math laid out by the stylesheet of the KaTeX that rendered it, headings that look like
// headings, a table of contents that reaches the quiz, search hits that land on the passage, one course time.
import { expect, test } from "@playwright/test";
import { COURSE, LESSONS } from "./support";

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
