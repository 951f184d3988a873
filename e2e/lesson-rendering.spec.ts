// How a lesson reads: math laid out by the browser as MathML, headings that look like
// headings, a table of contents that reaches the quiz, search hits that land on the passage, one course time.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { describeMinutes } from "@/lib/course/duration";
import { COURSE, DEMO, LESSONS, signInViaApi } from "./support";

test("a subscript is smaller than its base and sits lower", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${LESSONS[0]}`);
  // Math is MathML (lib/content/katex-options.ts): <msub> holds the base, then the subscript.
  const script = page.getByRole("main").locator(".katex math msub").first();
  await script.scrollIntoViewIfNeeded();
  const measured = await script.evaluate((msub) => {
    const measure = (element: Element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent, fontSize: parseFloat(getComputedStyle(element).fontSize), height: box.height, middle: box.top + box.height / 2 };
    };
    return { base: measure(msub.children[0]!), script: measure(msub.children[1]!) };
  });
  // The browser sets the subscript at script size (about 71%) and lowers it.
  expect(measured.script.fontSize, JSON.stringify(measured)).toBeLessThan(0.8 * measured.base.fontSize);
  expect(measured.script.height, JSON.stringify(measured)).toBeLessThan(measured.base.height);
  expect(measured.script.middle, JSON.stringify(measured)).toBeGreaterThan(measured.base.middle);
});

test("formulas are set in a math font, and Greek in the text in Inter", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${LESSONS[0]}`);
  await page.waitForLoadState("networkidle");
  // Chromium on Linux maps the generic `math` family to the default serif: the math fonts come first.
  const mathFamily = await page.locator("main math").first().evaluate((math) => getComputedStyle(math).fontFamily);
  expect(mathFamily.split(",")[0]).toMatch(/Math/);

  // The fonts the browser actually used, as DevTools reports them per element.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const fontsOf = async (selector: string) => {
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
    expect(nodeIds.length, selector).toBeGreaterThan(0);
    const families = new Set<string>();
    for (const nodeId of nodeIds) for (const font of (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts) families.add(`${font.familyName}${font.isCustomFont ? " (web font)" : ""}`);
    return [...families];
  };
  // Every identifier, number and operator of every formula: one font, and a math font.
  const mathFonts = await fontsOf("main math mi, main math mn, main math mo");
  expect(mathFonts, mathFonts.join(" | ")).toHaveLength(1);
  expect(mathFonts[0]).toMatch(/Math/);

  // Greek letters in the lesson's own text (outside formulas) come from Inter (its Greek file). Each
  // letter is wrapped in a span of its own here, so the fonts reported are those of Greek glyphs alone.
  const wrapped = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    const greekTexts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/[\u0370-\u03ff]/.test(node.textContent ?? "") && !node.parentElement!.closest("math")) greekTexts.push(node as Text);
    }
    for (const text of greekTexts) {
      const parts = text.textContent.split(/([\u0370-\u03ff]+)/).map((part) => {
        if (!/[\u0370-\u03ff]/.test(part)) return document.createTextNode(part);
        const span = document.createElement("span");
        span.dataset.greekText = "";
        span.textContent = part;
        return span;
      });
      text.replaceWith(...parts);
    }
    return greekTexts.length;
  });
  expect(wrapped).toBeGreaterThan(0);
  expect(await fontsOf("[data-greek-text]")).toEqual(["Inter (web font)"]);

});

test("each font file is fetched once, and the Latin and Greek files are preloaded with the lesson", async ({ page, request }) => {
  const lesson = `/courses/${COURSE}/${LESSONS[3]}`;
  const preloads = (await request.get(lesson, { headers: { accept: "text/html" } })).headers()["link"] ?? "";
  for (const subset of ["latin", "greek"]) expect(preloads, preloads).toMatch(new RegExp(`inter_${subset}_wght[^>]*\\.woff2>; rel=preload; as="font"`));
  const fonts: string[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "font") fonts.push(new URL(request.url()).pathname);
  });
  // Lesson 4's text has a prime (′), which the Latin file lacks: that once fetched a second copy of it.
  await page.goto(lesson);
  await page.waitForLoadState("networkidle");
  const fileHashes = fonts.map((path) => /\.([\w-]+)\.woff2$/.exec(path)?.[1]);
  expect(new Set(fileHashes).size, fonts.join(" ")).toBe(fonts.length);
});

test("no frame before the lesson's <main>: <link rel=expect> for <main>, in the head", async ({ request }) => {
  const html = await (await request.get(`/courses/${COURSE}/${LESSONS[0]}`, { headers: { accept: "text/html" } })).text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head).toMatch(/<link rel="expect" href="#main" blocking="render"\/?>/);
  expect(html).toMatch(/<main id="main"/);
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
