import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Callout } from "@/components/mdx/callout";
import { CiteLink, orderedReferences, ReferenceList } from "@/components/mdx/references";
import { compileLesson, compileLessonSource } from "./compile-lesson";
import type { BodySegment } from "./lesson-body";

const fixture = path.join(__dirname, "fixtures/good-course/first-lesson.mdx");

async function compiledFixture() {
  const result = await compileLesson(fixture, { courseSlug: "good-course", cacheDir: null });
  if (!result.ok) throw new Error("compile failed");
  return result.lesson;
}

/** The two serialisers escape differently (&#x26; vs &amp;, a bare > vs &gt;); the HTML they mean is the same. */
const decoded = (html: string) =>
  html.replace(/&#x26;|&amp;/g, "&").replace(/&gt;/g, ">").replace(/&#x27;|&#39;/g, "'").replace(/&#x22;|&quot;/g, '"');

const htmlOf = (segments: BodySegment[]) => segments.flatMap((segment): string[] => (segment.kind === "html" ? [segment.html] : segment.kind === "element" ? [htmlOf(segment.children)] : [])).join("");

describe("lesson body segments", () => {
  it("are static HTML around one island per interactive component, in the source's order", async () => {
    const lesson = await compiledFixture();
    const kinds = lesson.body!.map((segment) => (segment.kind === "island" ? `island:${segment.component}` : segment.kind));
    expect(kinds).toEqual(["html", "island:Quiz", "html"]);
    const quiz = lesson.body![1] as Extract<BodySegment, { kind: "island" }>;
    expect(quiz.props).toEqual({ id: "goodhart-check" });
  });

  it("carry the whole lesson: MathML math (once per formula), highlighted code, footnotes, heading anchors, a table", async () => {
    const html = htmlOf((await compiledFixture()).body!);
    expect(html.match(/<math/g)).toHaveLength(4);
    expect(html).not.toContain("katex-html");
    expect(html).toContain("data-rehype-pretty-code-figure");
    expect(html).toContain("--shiki-dark");
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('id="why-proxies-fail-1"');
    expect(html).toContain('href="#why-proxies-fail"');
    expect(html).toContain("<table>");
  });

  it("keep no quiz content: the quiz is an island that gets only its public quiz", async () => {
    const html = htmlOf((await compiledFixture()).body!);
    for (const secret of ["FEEDBACK-", "EXPLANATION-", "Causal Goodhart", "Which variant"]) expect(html).not.toContain(secret);
  });

  it("render callouts, citations and the reference list exactly as the React components do", async () => {
    const lesson = await compiledFixture();
    const html = decoded(htmlOf(lesson.body!));
    const references = orderedReferences(lesson.frontmatter.references, lesson.citations);
    const callout = renderToStaticMarkup(createElement(Callout, { type: "key", title: "The one-line idea" }, createElement("p", null, "Selecting on a noisy proxy selects for the noise too.")));
    expect(html).toContain(decoded(callout));
    for (const [index, reference] of references.entries()) {
      expect(html).toContain(decoded(renderToStaticMarkup(createElement(CiteLink, { id: reference.id, number: index + 1, reference }))));
    }
    expect(html).toContain(decoded(renderToStaticMarkup(createElement(ReferenceList, { references }))));
  });

  it("keep an element that wraps an island as an element, with the island inside", async () => {
    const source = `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 5\nobjectives: [o]\nreferences: []\n---\n\n<Callout type="tip">\nTry the sandbox.\n\n<ConformalSandbox preset="monotone-1d" />\n</Callout>\n`;
    const result = await compileLessonSource(source, { courseSlug: "c", expectedSlug: "t" });
    if (!result.ok) throw new Error(result.diagnostics.map((diagnostic) => diagnostic.message).join("\n"));
    const [wrapper] = result.lesson.body!;
    expect(wrapper?.kind).toBe("element");
    if (wrapper?.kind !== "element") return;
    expect(wrapper.tagName).toBe("aside");
    expect(wrapper.attributes.class).toContain("border-emerald-600");
    expect(wrapper.children.map((segment) => segment.kind)).toEqual(["html", "island"]);
    expect(wrapper.children[1]).toEqual({ kind: "island", component: "ConformalSandbox", props: { preset: "monotone-1d" } });
  });

  it("go through the one HTML policy: a hostile link or style in the text never reaches the page", async () => {
    const source = `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 5\nobjectives: [o]\nreferences: []\n---\n\nA [trap](javascript:alert(1)) and [another](JaVaScRiPt:alert(2)) and ![img](javascript:alert(3)).\n`;
    const result = await compileLessonSource(source, { courseSlug: "c", expectedSlug: "t" });
    if (!result.ok) return; // refused at compile time is as good
    const html = htmlOf(result.lesson.body!);
    expect(html.toLowerCase()).not.toContain("javascript:");
    expect(html).toContain("trap");
  });
});
