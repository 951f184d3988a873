// The markup and the stylesheet of math must come from one KaTeX: 0.16 markup under 0.19's CSS drew every
// sub- and superscript at full size. The page imports katex/dist/katex.min.css (app/globals.css).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdownToHtml } from "./markdown-html";
import { compileLessonSource } from "./compile-lesson";

const require = createRequire(import.meta.url);
/** The katex/package.json that a dependency's own `import "katex"` finds (its exports hide its package.json). */
const katexOf = (dependent: string) => createRequire(path.resolve("node_modules", dependent, "index.js")).resolve("katex/package.json");
const stylesheet = readFileSync(path.join(path.dirname(require.resolve("katex/package.json")), "dist/katex.min.css"), "utf8");

/** Every size class KaTeX put on the markup, e.g. "katex-sizing reset-size6 size3". */
function sizeClasses(html: string): string[][] {
  return [...html.matchAll(/class="([^"]*\breset-size\d+[^"]*)"/g)].map((match) => match[1]!.split(/\s+/));
}

function expectStyled(html: string) {
  const used = sizeClasses(html);
  expect(used.length, html).toBeGreaterThan(0);
  for (const classes of used) {
    const sizing = classes.filter((name) => !name.startsWith("reset-size") && !name.startsWith("size") && name !== "mtight");
    const reset = classes.find((name) => name.startsWith("reset-size"))!;
    const size = classes.find((name) => /^size\d+$/.test(name))!;
    // The stylesheet has a rule for exactly this combination, e.g. .katex-sizing.reset-size6.size3{font-size:.7em}.
    expect(stylesheet, classes.join(" ")).toContain(`${sizing.map((name) => `.${name}`).join("")}.${reset}.${size}{`);
  }
}

describe("one KaTeX for markup and stylesheet", () => {
  it("rehype-katex and remark-math load the KaTeX whose CSS the page imports", () => {
    expect(katexOf("rehype-katex")).toBe(require.resolve("katex/package.json"));
    expect(katexOf("micromark-extension-math")).toBe(require.resolve("katex/package.json"));
  });

  it("quiz fragments mark subscripts with size classes the stylesheet defines", () => {
    const context = { references: new Map(), fallback: { line: 1, column: 1 }, problems: [] };
    expectStyled(renderMarkdownToHtml("$\\pi_\\theta$ and $x^2$", context, { inline: true }));
    expect(context.problems).toEqual([]);
  });

  it("lesson bodies mark subscripts with size classes the stylesheet defines", async () => {
    const source = "---\ntitle: Math\nslug: math\nsummary: Math.\nestimatedMinutes: 1\nobjectives:\n  - Read.\n---\n\n$\\mathcal{L}_{\\text{SFT}}$ and $$\nr_w - r_l\n$$\n";
    const result = await compileLessonSource(source, { courseSlug: "c", expectedSlug: "math" });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expectStyled(result.lesson.code.replace(/\\"/g, '"'));
  });
});
