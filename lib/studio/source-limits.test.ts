import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSourceLimits, SOURCE_LIMITS } from "./source-limits";

const FRONT = "---\ntitle: T\n---\n\n"; // the body starts on line 5

describe("checkSourceLimits: the shapes that make the parser superlinear", () => {
  it("refuses more emphasis markers than the limit, pointing at the first one over", () => {
    const [problem, ...rest] = checkSourceLimits(FRONT + "*a".repeat(20_000));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 5, column: 2 * SOURCE_LIMITS.emphasisMarkers + 1, construct: "emphasis markers" });
    expect(problem!.message).toContain("more than 2,000 emphasis markers");
  });

  it("counts markers across paragraphs, since the parser matches them across the whole lesson", () => {
    const [problem] = checkSourceLimits(FRONT + ("a* ".repeat(100) + "\n\n").repeat(30));
    expect(problem).toMatchObject({ line: 5 + 2 * 20, construct: "emphasis markers" });
  });

  it("refuses deep blockquote and list nesting at the marker that goes too deep", () => {
    expect(checkSourceLimits(FRONT + ">".repeat(5000) + " x")[0]).toMatchObject({ line: 5, column: SOURCE_LIMITS.containerDepth + 1, construct: "nesting" });
    expect(checkSourceLimits(FRONT + "> ".repeat(40) + "x")[0]).toMatchObject({ line: 5, column: 2 * SOURCE_LIMITS.containerDepth + 1 });
    expect(checkSourceLimits(FRONT + "- ".repeat(40) + "x")[0]?.message).toContain("nested more than 32 deep");
  });

  it("refuses deep tag nesting, on one line or many, naming the tag", () => {
    const [inline] = checkSourceLimits(FRONT + "<span>".repeat(5000) + "x" + "</span>".repeat(5000));
    expect(inline).toMatchObject({ line: 5, column: 6 * SOURCE_LIMITS.tagDepth + 1, construct: "nesting" });
    expect(inline!.message).toContain("<span>");
    const [stacked] = checkSourceLimits(FRONT + "<Callout>\n\n".repeat(100));
    expect(stacked).toMatchObject({ line: 5 + 2 * SOURCE_LIMITS.tagDepth, column: 1 });
  });

  it("ignores what is inside code: fences and inline spans", () => {
    const fenced = "```html\n" + "<div>".repeat(200) + "\n" + "*a".repeat(3000) + "\n```\n";
    expect(checkSourceLimits(FRONT + fenced + "After.")).toEqual([]);
    expect(checkSourceLimits(FRONT + "Write `<div>` to open a block. ".repeat(200))).toEqual([]);
  });

  it("stays linear on shapes that would make a naive scanner quadratic", () => {
    // Each would take minutes with a rescan per `<` or a backreference regex; here they finish at once.
    expect(checkSourceLimits("<a".repeat(100_000) + ">")).toEqual([]);
    expect(checkSourceLimits("`".repeat(200_000))).toEqual([]);
    expect(checkSourceLimits("<a ".repeat(60_000))).toEqual([]);
  });

  it("balanced, self-closing and closing tags keep the depth honest", () => {
    const body = "<Quiz id=\"q\">\n<TrueFalse id=\"t\" answer={true} statement=\"p < 0.05\">\n<Explanation>x<br />y</Explanation>\n</TrueFalse>\n</Quiz>\n";
    expect(checkSourceLimits(FRONT + body.repeat(200))).toEqual([]);
  });

  const courses = path.join(process.cwd(), "content", "courses");
  const lessons = readdirSync(courses, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".mdx"));
  it.each(lessons)("accepts the course lesson %s", (file) => {
    expect(checkSourceLimits(readFileSync(path.join(courses, file), "utf8"))).toEqual([]);
  });
});
