// The preview renders what students get: for every course lesson, the sanitised preview tree and the
// mdx-bundler bundle (what student pages evaluate on the server) render to the same markup, with the same
// stand-in components. And the sanitiser (the one HTML policy plus the components' props) removes nothing
// from them, but everything hostile from a tree; the policy's own hostile cases are in html-policy.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "hast";
import { getMDXComponent } from "mdx-bundler/client";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderPreviewTree } from "@/components/studio/preview-content";
import { analyzeLesson } from "@/lib/content/analyze-lesson";
import { compileLessonSource } from "@/lib/content/compile-lesson";
import { COMPONENT_RULES } from "@/lib/content/components";
import { RENDERED_MATH_COMPONENT } from "@/lib/content/rehype-math-html";
import { sanitizePreviewTree, toPreviewTree } from "./preview-tree";

/** Each component as a custom element showing its props, so both renders expose exactly what they pass. */
const stubs = Object.fromEntries(
  [...Object.keys(COMPONENT_RULES), RENDERED_MATH_COMPONENT].map((name) => {
    const Stub = ({ children, ...props }: { children?: ReactNode }) => createElement(`x-${name.toLowerCase()}`, { "data-props": JSON.stringify(props, Object.keys(props).sort()) }, children);
    return [name, Stub as ComponentType<never>];
  }),
);

const courses = path.join(process.cwd(), "content", "courses");
const lessons = readdirSync(courses, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".mdx"));

describe("the preview tree", () => {
  it.each(lessons)("renders %s exactly as the student bundle does, and the sanitiser keeps all of it", async (file) => {
    const source = readFileSync(path.join(courses, file), "utf8");
    const [courseSlug, name] = file.split(path.sep);
    const input = { source, file, courseSlug: courseSlug!, expectedSlug: name!.replace(/\.mdx$/, "") };
    const [analysis, compiled] = await Promise.all([analyzeLesson(input, { highlight: true }), compileLessonSource(source, input)]);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const tree = toPreviewTree(analysis.tree!);
    const Bundle = getMDXComponent(compiled.lesson.code);
    const student = renderToStaticMarkup(createElement(Bundle, { components: stubs as never }));
    expect(renderToStaticMarkup(createElement("div", null, renderPreviewTree(tree, stubs)))).toBe(`<div>${student}</div>`);
    expect(sanitizePreviewTree(tree)).toEqual(tree);
  }, 120_000);

  it("drops comment braces and keeps literal props with their types", async () => {
    const source = '---\ntitle: T\nslug: a\nsummary: S.\nestimatedMinutes: 5\nobjectives:\n  - O.\n---\n\n{/* note */}\n\n<Callout type="tip" title="Hi">Body.</Callout>\n\n<Quiz id="q" maxAttempts={2}>\n<TrueFalse id="t" answer={true} statement="S." />\n</Quiz>\n';
    const analysis = await analyzeLesson({ source, file: "a.mdx", courseSlug: "c", expectedSlug: "a" });
    const tree = toPreviewTree(analysis.tree!);
    expect(JSON.stringify(tree)).not.toContain("note");
    expect(JSON.stringify(tree)).toContain('"tagName":"Callout","properties":{"type":"tip","title":"Hi"}');
    // A quiz reaches the preview as its id only: the items, answers and numbers stay in the worker.
    expect(JSON.stringify(tree)).toContain('"tagName":"Quiz","properties":{"id":"q"},"children":[]');
  });
});

describe("sanitizePreviewTree against hostile trees", () => {
  const element = (tagName: string, properties: Record<string, unknown> = {}, children: Root["children"] = []) => ({ type: "element" as const, tagName, properties: properties as never, children: children as never });
  const root = (...children: Root["children"]): Root => ({ type: "root", children });

  it("removes scripts, handlers, javascript: URLs, unknown components and props, and style that loads things", () => {
    const hostile = root(
      element("script", {}, [{ type: "text", value: "alert(1)" }]),
      element("p", { onClick: "alert(1)", style: "color:red" }, [{ type: "text", value: "ok" }]),
      element("a", { href: "javascript:alert(1)" }, [{ type: "text", value: "x" }]),
      element("img", { src: "javascript:alert(1)", onError: "alert(1)" }),
      element("iframe", { src: "https://evil.example" }),
      element("Evil", { x: 1 }),
      element("Callout", { type: "tip", dangerouslySetInnerHTML: "x", onMouseOver: "alert(1)" }),
      element("Figure", { src: "javascript:alert(1)", caption: "c" }),
      element("Figure", { src: " JaVa\tScRiPt:alert(1)", caption: "c" }),
      element("Figure", { src: "data:image/svg+xml,<svg onload=alert(1)>", caption: "c" }),
      element("Figure", { src: "vbscript:msgbox(1)", caption: "c" }),
      element("Callout", { type: "tip", style: "position:fixed;z-index:9999", id: "__next_f" }),
      element("span", { style: "background:url(https://evil.example/x)" }),
      element(RENDERED_MATH_COMPONENT, { html: '<span class="katex-html">1</span><img src=x onerror=alert(1)><script>alert(1)</script>' }),
    );
    const html = JSON.stringify(sanitizePreviewTree(hostile));
    expect(html).not.toMatch(/alert|javascript|vbscript|data:|evil|iframe|onClick|onError|onMouseOver|dangerously|"Evil"|onerror|<script|url\(|fixed|__next_f/i);
    expect(html).toContain('"tagName":"Callout"');
    expect(html).toContain("katex-html");
    // KaTeX's HTML goes through the same policy: an image may stay as a plain image, its handler may not.
    expect(html).toContain(String.raw`<img src=\"x\">`);
  });

  it("keeps KaTeX's markup and Shiki's colours", () => {
    const math = '<span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="strut" style="height:0.8141em;"></span></span></span>';
    const rendered = root(element(RENDERED_MATH_COMPONENT, { html: math, display: true }));
    expect(sanitizePreviewTree(rendered)).toEqual(rendered);
    const code = root(element("span", { style: "--shiki-light:#24292E;--shiki-dark:#E1E4E8" }, [{ type: "text", value: "x" }]));
    expect(sanitizePreviewTree(code)).toEqual(code);
  });
});
