import { describe, expect, it } from "vitest";
import { checkInternalLink, type LinkTargets } from "./links";
import type { LessonFacts } from "./types";

const targets: LinkTargets = new Map([
  ["course-a", new Map<string, ReadonlySet<string> | null>([["one", new Set(["intro", "ref-smith2020"])], ["two", null]])],
]);
const from: LessonFacts = { file: "one.mdx", courseSlug: "course-a", slug: "one", anchors: ["intro"], links: [], quizIds: [], itemIds: [] };

describe("internal links", () => {
  it.each([
    ["#intro"],
    ["/courses/course-a"],
    ["/courses/course-a/two"],
    ["/courses/course-a/one#ref-smith2020"],
    ["./two"],
    ["two#anything"], // anchors of lessons that were not analysed are not checked
    ["../course-a/two/"],
    ["/search?q=goodhart"],
    ["https://example.com/courses/nope"],
    ["mailto:someone@example.com"],
  ])("accepts %s", (href) => {
    expect(checkInternalLink(href, from, targets)).toBeNull();
  });

  it.each([
    ["#missing", 'broken link "#missing": lesson "one" has no heading with id "missing"'],
    ["/courses/course-b/one", 'broken link "/courses/course-b/one": there is no course "course-b"'],
    ["./three", 'broken link "./three": course "course-a" has no lesson "three"'],
    ["./two.mdx", `broken link "./two.mdx": link to the lesson's slug, without .mdx`],
    ["../../elsewhere", 'link "../../elsewhere" resolves to /elsewhere, outside /courses'],
    ["/courses/course-a/one/extra", 'broken link "/courses/course-a/one/extra": /courses/course-a/one/extra is not a course or lesson page'],
  ])("rejects %s", (href, message) => {
    expect(checkInternalLink(href, from, targets)).toBe(message);
  });
});
