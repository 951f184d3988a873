import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { compileLessonSource } from "./compile-lesson";
import { KATEX_OPTIONS } from "./pipeline";
import { rehypeMathAsHtml, RENDERED_MATH_COMPONENT } from "./rehype-math-html";

const MARKDOWN = "Inline $\\hat\\lambda = \\inf\\{s\\}$ and $x^2$.\n\n$$\nR(s) \\le \\alpha\n$$\n";

async function katexTree(withPlugin: boolean): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex, KATEX_OPTIONS);
  if (withPlugin) processor.use(rehypeMathAsHtml);
  return await processor.run(processor.parse(MARKDOWN));
}

type RenderedMathNode = { type: "mdxJsxTextElement"; name: string; attributes: { name: string; value: string | null }[] };

function renderedMath(tree: Root): RenderedMathNode[] {
  const found: RenderedMathNode[] = [];
  visit(tree, (node) => {
    if (node.type === "mdxJsxTextElement") found.push(node as unknown as RenderedMathNode);
  });
  return found;
}

/** What components/mdx/rendered-math.tsx renders for a node. */
function asRendered(node: RenderedMathNode): string {
  const html = node.attributes.find((attribute) => attribute.name === "html")!.value!;
  const display = node.attributes.some((attribute) => attribute.name === "display");
  return `<span class="${display ? "katex-display" : "katex"}">${html}</span>`;
}

describe("rehypeMathAsHtml", () => {
  it("turns every formula into one RenderedMath node; display math says so in its MathML", async () => {
    const nodes = renderedMath(await katexTree(true));
    expect(nodes.map((node) => node.name)).toEqual([RENDERED_MATH_COMPONENT, RENDERED_MATH_COMPONENT, RENDERED_MATH_COMPONENT]);
    const html = nodes.map((node) => node.attributes.find((attribute) => attribute.name === "html")!.value!);
    expect(html.map((markup) => markup.includes('display="block"'))).toEqual([false, false, true]);
  });

  it("keeps exactly the markup KaTeX produced", async () => {
    const original = toHtml(await katexTree(false));
    const rendered = renderedMath(await katexTree(true)).map(asRendered);
    for (const html of rendered) expect(original).toContain(html);
    expect(rendered.join("")).toContain("<math");
    // MathML only (lib/content/katex-options.ts): no second, HTML rendering of each formula.
    expect(rendered.join("")).not.toContain("katex-html");
  });

  it("leaves no KaTeX element in the tree for the bundle to turn into JSX", async () => {
    let katexElements = 0;
    visit(await katexTree(true), "element", (element) => {
      const className = element.properties.className;
      if (Array.isArray(className) && className.some((name) => String(name).startsWith("katex"))) katexElements++;
    });
    expect(katexElements).toBe(0);
  });

  it("cannot be written by an author: RenderedMath in a source is an unknown component", async () => {
    const source = `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 5\nobjectives: [o]\nreferences: []\n---\n\n<RenderedMath html="<img src=x onerror=alert(1)>" />\n`;
    const result = await compileLessonSource(source, { courseSlug: "c", expectedSlug: "t" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message).join("\n")).toMatch(/unknown component <RenderedMath>/);
  });
});
