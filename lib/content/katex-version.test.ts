// One KaTeX renders all math (0.16 markup under 0.19's CSS once drew every sub- and superscript at full
// size). Math is now MathML only (lib/content/katex-options.ts), laid out by the browser, so no KaTeX
// stylesheet is loaded and no KaTeX HTML may appear.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdownToHtml } from "./markdown-html";
import { compileLessonSource } from "./compile-lesson";

const require = createRequire(import.meta.url);
/** The katex/package.json that a dependency's own `import "katex"` finds (its exports hide its package.json). */
const katexOf = (dependent: string) => createRequire(path.resolve("node_modules", dependent, "index.js")).resolve("katex/package.json");

describe("one KaTeX for markup and stylesheet", () => {
  it("rehype-katex and remark-math load the KaTeX whose CSS the page imports", () => {
    expect(katexOf("rehype-katex")).toBe(require.resolve("katex/package.json"));
    expect(katexOf("micromark-extension-math")).toBe(require.resolve("katex/package.json"));
  });

  it("quiz fragments are MathML only: no KaTeX HTML twin that would need KaTeX's stylesheet", () => {
    const context = { references: new Map(), fallback: { line: 1, column: 1 }, problems: [] };
    const html = renderMarkdownToHtml("$\\pi_\\theta$ and $x^2$", context, { inline: true });
    expect(html).toContain("<msub>");
    expect(html).not.toMatch(/katex-html|reset-size/);
    expect(context.problems).toEqual([]);
  });

  it("lesson bodies are MathML only, once per formula", async () => {
    const source = "---\ntitle: Math\nslug: math\nsummary: Math.\nestimatedMinutes: 1\nobjectives:\n  - Read.\n---\n\n$\\mathcal{L}_{\\text{SFT}}$ and $$\nr_w - r_l\n$$\n";
    const result = await compileLessonSource(source, { courseSlug: "c", expectedSlug: "math" });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const body = JSON.stringify(result.lesson.body);
    expect(body.match(/<math/g)).toHaveLength(2);
    expect(body).not.toMatch(/katex-html|reset-size/);
  });
});
