// Search hits land on the passage: each section of a lesson is its own document, keyed by its heading's anchor.
import { describe, expect, it } from "vitest";
import { compileLessonSource } from "./compile-lesson";
import { loadSearchIndex, buildSearchIndex, searchResultHref, toSearchDocuments } from "./search-index";
import type { CompiledLesson } from "./types";

const SOURCE = `---
title: Measures under pressure
slug: proxies
summary: How proxies fail.
estimatedMinutes: 5
objectives:
  - Explain.
---

An opening about thermostats.

## Why proxies fail

Selection on a noisy proxy picks up its noise.

### Why proxies fail

The same heading twice gets a numbered anchor; this one speaks of lagoons.

<Callout type="note" title="Aside">
## Inside a callout

A heading inside a component is a section too, about kettles.
</Callout>

After the callout, still in that section: teapots.

<Quiz id="q">
  <TrueFalse id="t" answer={false} statement="Quizzes are searchable: SECRETWORD.">
    <Explanation>EXPLANATION-WORD.</Explanation>
  </TrueFalse>
</Quiz>

## References
`;

async function compiled(): Promise<CompiledLesson> {
  const result = await compileLessonSource(SOURCE, { courseSlug: "c", expectedSlug: "proxies" });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.lesson;
}

describe("search sections", () => {
  it("cuts a lesson at its ## and ### headings and gives each section its heading's anchor", async () => {
    const lesson = await compiled();
    expect(lesson.searchSections).toEqual([
      { id: null, heading: null, text: "An opening about thermostats." },
      { id: "why-proxies-fail", heading: "Why proxies fail", text: "Selection on a noisy proxy picks up its noise." },
      { id: "why-proxies-fail-1", heading: "Why proxies fail", text: "The same heading twice gets a numbered anchor; this one speaks of lagoons. Aside" },
      { id: "inside-a-callout", heading: "Inside a callout", text: "A heading inside a component is a section too, about kettles. After the callout, still in that section: teapots." },
      { id: "references", heading: "References", text: "" },
    ]);
    expect(JSON.stringify(lesson.searchSections)).not.toMatch(/SECRETWORD|EXPLANATION-WORD/);
  });

  it("indexes each section, so a hit links to the section that matched", async () => {
    const lesson = await compiled();
    const index = loadSearchIndex(buildSearchIndex([lesson]));
    const hit = (query: string) => index.search(query)[0] as unknown as Parameters<typeof searchResultHref>[0] & { heading: string; lessonTitle: string };
    expect(searchResultHref(hit("lagoons"))).toBe("/courses/c/proxies#why-proxies-fail-1");
    expect(searchResultHref(hit("teapots"))).toBe("/courses/c/proxies#inside-a-callout");
    expect(hit("kettles")).toMatchObject({ heading: "Inside a callout", lessonTitle: "Measures under pressure" });
    expect(searchResultHref(hit("thermostats"))).toBe("/courses/c/proxies");
    // The title is indexed once, on the top of the lesson, not on every section.
    expect(index.search("pressure").map((result) => result.id as string)).toEqual(["c/proxies"]);
    expect(index.search("SECRETWORD")).toEqual([]);
  });

  it("falls back to the top of the lesson when headings and sections cannot be paired", () => {
    const lesson = { courseSlug: "c", slug: "l", frontmatter: { title: "T", summary: "S" }, searchSections: [{ id: null, heading: null, text: "intro" }, { id: null, heading: "Lost", text: "body words" }] } as unknown as CompiledLesson;
    expect(toSearchDocuments(lesson).map((document) => [document.id, document.body])).toEqual([["c/l", "intro Lost body words"]]);
  });

  it("still indexes a studio revision stored before sections, from its whole text", () => {
    const stored = { courseSlug: "c", slug: "old", frontmatter: { title: "Old", summary: "S" }, searchText: "legacy words" } as unknown as CompiledLesson;
    expect(toSearchDocuments(stored)).toEqual([expect.objectContaining({ id: "c/old", anchor: "", body: "legacy words" })]);
  });
});
