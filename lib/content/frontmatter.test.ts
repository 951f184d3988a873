import { describe, expect, it } from "vitest";
import { parseLessonFrontmatter, splitFrontmatter } from "./frontmatter";

const valid = `---
title: Why fitting data is not enough
slug: why-fitting-data-is-not-enough
summary: One or two sentences.
estimatedMinutes: 35
objectives:
  - Explain why
references:
  - id: christiano2017
    authors: Paul F. Christiano, Jan Leike
    year: 2017
    title: Deep Reinforcement Learning from Human Preferences
    venue: NeurIPS 2017
    arxiv: "1706.03741"
---

Body.
`;

function messages(source: string, slug?: string): string[] {
  return parseLessonFrontmatter(source, "lesson.mdx", slug).diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
}

describe("lesson frontmatter", () => {
  it("accepts the frontmatter the authoring guide shows", () => {
    const result = parseLessonFrontmatter(valid, "lesson.mdx", "why-fitting-data-is-not-enough");
    expect(result.diagnostics).toEqual([]);
    expect(result.frontmatter?.references[0]).toMatchObject({ id: "christiano2017", year: 2017, arxiv: "1706.03741" });
  });

  it("defaults references to an empty list", () => {
    const source = valid.replace(/references:[\s\S]*?---/, "---");
    expect(parseLessonFrontmatter(source, "lesson.mdx").frontmatter?.references).toEqual([]);
  });

  it("requires the slug to equal the file name, on the slug's line", () => {
    expect(messages(valid, "another-name")).toEqual(['3:1 frontmatter: slug "why-fitting-data-is-not-enough" must equal the file name "another-name"']);
  });

  it("places a missing key on line 2 and a bad value on its own key", () => {
    expect(messages(valid.replace("title: Why fitting data is not enough\n", ""))).toEqual(["2:1 frontmatter: title is required"]);
    expect(messages(valid.replace("estimatedMinutes: 35", "estimatedMinutes: -3"))).toEqual(["5:1 frontmatter: estimatedMinutes Too small: expected number to be >0"]);
  });

  it("requires a way to check every reference, and a quoted arXiv id", () => {
    expect(messages(valid.replace('    arxiv: "1706.03741"\n', ""))).toEqual(["9:5 frontmatter: references[0] needs at least one of arxiv, doi or url so a reader can check it"]);
    expect(messages(valid.replace('arxiv: "1706.03741"', "arxiv: 2203.02150"))).toEqual(['14:5 frontmatter: references[0].arxiv arxiv must be quoted, e.g. arxiv: "2203.0215"']);
  });

  it("rejects unknown keys and duplicate reference ids", () => {
    expect(messages(valid.replace("objectives:", "draft: true\nobjectives:"))).toEqual(['6:1 frontmatter: unknown key "draft"']);
    const twice = valid.replace("---\n\nBody.", `  - id: christiano2017
    authors: Someone Else
    year: 2018
    title: Another
    venue: Somewhere
    url: https://example.com
---

Body.`);
    expect(messages(twice)).toEqual(['15:5 frontmatter: references[1].id duplicate reference id "christiano2017"']);
  });

  it("reports YAML syntax errors and missing frontmatter", () => {
    expect(messages(valid.replace("summary: One or two sentences.", "summary: [unclosed"))[0]).toMatch(/^\d+:\d+ frontmatter: /);
    expect(messages("# No frontmatter\n")).toEqual(["1:1 missing frontmatter: a lesson starts with a --- block holding title, slug, summary, estimatedMinutes and objectives"]);
  });

  it("splits the YAML from the body", () => {
    expect(splitFrontmatter("---\na: 1\n---\nbody")).toEqual({ yaml: "a: 1", firstLine: 2 });
    expect(splitFrontmatter("body\n---\na: 1\n---\n")).toBeNull();
  });

  it("refuses YAML aliases at the first one, so an alias bomb is a diagnostic, not a crash", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g"].map((key, index) => `${key}: &${key} [${Array(9).fill(`*${"abcdefg"[index]}`).join(", ")}]`)].join("\n");
    expect(messages(valid.replace("---\n\nBody.", `${bomb}\n---\n\nBody.`))).toEqual(["16:8 frontmatter: YAML aliases (*a) are not allowed; write the value out"]);
  });
});
