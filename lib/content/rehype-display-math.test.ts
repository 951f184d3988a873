import { describe, expect, it } from "vitest";
import { runPreview } from "@/lib/studio/compile-tasks";
import { compileLessonSource } from "./compile-lesson";
import { renderMarkdownToHtml } from "./markdown-html";

const FORMULA = "\\hat\\lambda = \\inf\\Big\\{\\lambda : \\frac{n}{n+1}\\hat R_n(\\lambda) + \\frac{B}{n+1} \\le \\alpha\\Big\\}";
const source = `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 5\nobjectives: [o]\nreferences: []\n---\n\nInline $x^2$ here.\n\n$$\n${FORMULA}\n$$\n`;

/** Every <math …> opening tag in an HTML string. */
const mathTags = (html: string) => html.match(/<math\b[^>]*>/g) ?? [];

describe("display math is keyboard-reachable wherever it is rendered (axe: scrollable-region-focusable)", () => {
  it("in a lesson body: the display formula takes focus, inline math does not", async () => {
    const result = await compileLessonSource(source, { courseSlug: "c", expectedSlug: "t" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const html = (result.lesson.body ?? []).map((segment) => (segment.kind === "html" ? segment.html : "")).join("");
    const tags = mathTags(html);
    expect(tags).toHaveLength(2);
    expect(tags.filter((tag) => tag.includes('display="block"'))).toEqual([expect.stringContaining('tabindex="0"')]);
    expect(tags.filter((tag) => !tag.includes('display="block"'))).toEqual([expect.not.stringContaining("tabindex")]);
  });

  it("in the studio preview, after its sanitiser", async () => {
    const preview = await runPreview({ kind: "preview", source, courseSlug: "c", lessonSlug: "t" });
    expect(preview.ok).toBe(true);
    const tags = mathTags(JSON.stringify(preview).replaceAll('\\"', '"'));
    expect(tags.filter((tag) => tag.includes('display="block"'))).toEqual([expect.stringContaining('tabindex="0"')]);
  });

  it("in quiz and glossary text (markdown-html)", () => {
    const context = { references: new Map(), fallback: { line: 1, column: 1 }, problems: [] };
    const html = renderMarkdownToHtml(`Where\n\n$$\n${FORMULA}\n$$`, context, { inline: false });
    expect(context.problems).toEqual([]);
    expect(mathTags(html)).toEqual([expect.stringMatching(/display="block".*tabindex="0"|tabindex="0".*display="block"/)]);
  });
});
