import { describe, expect, it } from "vitest";
import { checkCourseFacts, linkTargetsOf } from "@/lib/content/course-checks";
import { analyzeSourceFacts, checkAgainstCourse, compileStudioSource } from "./studio-compile";

const lesson = (slug: string, body: string) =>
  `---\ntitle: ${slug}\nslug: ${slug}\nsummary: S.\nestimatedMinutes: 5\nobjectives:\n  - O.\n---\n\n## Start\n\n${body}\n`;
const quiz = (id: string, item: string) =>
  `<Quiz id="${id}">\n  <TrueFalse id="${item}" answer={true} statement="S">\n    <Explanation>E.</Explanation>\n  </TrueFalse>\n</Quiz>`;

describe("compileStudioSource", () => {
  it("refuses unsafe text before compiling, at its line and column", async () => {
    const result = await compileStudioSource(lesson("a", 'Text [x](javascript:alert(1)) more.'), "course", "a");
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: "a.mdx", line: 12, column: 6, severity: "error" });
    expect(result.diagnostics[0]!.message).toContain("javascript:");
  });

  it("compiles safe text with the lesson pipeline, keeping the key out of the public quiz", async () => {
    const result = await compileStudioSource(lesson("a", quiz("qa", "ia")), "course", "a");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quizzes[0]!.items[0]!.choices.some((choice) => choice.correct)).toBe(true);
    expect(JSON.stringify(result.lesson.publicQuizzes)).not.toContain("correct");
  });

  const aliasBomb = lesson("a", "x").replace("---\n\n", "b: &b [x, x, x]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n---\n\n");
  it.each([
    ["*a × 20,000", lesson("a", "*a".repeat(20_000)), 12, "emphasis markers"],
    ["5,000 nested <span>", lesson("a", "<span>".repeat(5000) + "x" + "</span>".repeat(5000)), 12, "tags nested more than 64 deep"],
    ["5,000 nested >", lesson("a", ">".repeat(5000) + " x"), 12, "nested more than 32 deep"],
    ["a YAML alias bomb", aliasBomb, 9, "YAML aliases (*b) are not allowed"],
  ])("refuses %s with a diagnostic at its place, instead of crashing or hanging", async (_name, source, line, message) => {
    const result = await compileStudioSource(source, "course", "a");
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: "a.mdx", line, severity: "error" });
    expect(result.diagnostics[0]!.message).toContain(message);
  });

  it("reports the slug mismatch like content:check", async () => {
    const result = await compileStudioSource(lesson("other", "x"), "course", "a");
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message).join("\n")).toContain("slug");
  });
});

describe("checkAgainstCourse", () => {
  it("reports quiz and item ids already used in the course, and links to lessons that do not exist, in the edited lesson only", async () => {
    const other = (await analyzeSourceFacts(lesson("b", quiz("shared", "item")), "course", "b", "b.mdx"))!;
    const edited = (await analyzeSourceFacts(lesson("a", `${quiz("shared", "item")}\n\nSee [b](./b#start) and [gone](./missing).`), "course", "a", "a.mdx"))!;
    const problems = checkAgainstCourse(edited, [other], { glossaryEntryIds: null, otherCourses: [] });
    expect(problems.every((problem) => problem.file === "a.mdx")).toBe(true);
    const messages = problems.map((problem) => problem.message).join("\n");
    expect(messages).toContain('quiz id "shared" is already used');
    expect(messages).toContain('quiz item id "item" is already used');
    expect(messages).toContain('has no lesson "missing"');
    expect(messages).not.toContain("./b#start");
  });

  it("checks links to the glossary page and its entries with content:check's rule", async () => {
    const links = "See [alpha](./glossary#alpha), [the glossary](./glossary), [other](/courses/other/glossary#rho) and [nope](./glossary#no-such-entry).";
    const edited = (await analyzeSourceFacts(lesson("a", links), "course", "a", "a.mdx"))!;
    const otherCourses = [{ courseSlug: "other", lessons: [{ slug: "x", anchors: null }], glossaryEntryIds: ["rho"] }];
    const problems = checkAgainstCourse(edited, [], { glossaryEntryIds: ["alpha", "epsilon"], otherCourses });
    expect(problems.map((problem) => problem.message)).toEqual(['broken link "./glossary#no-such-entry": lesson "glossary" has no heading with id "no-such-entry"']);
    // The same links against content:check's targets for the same course say the same.
    const targets = linkTargetsOf([{ courseSlug: "course", lessons: [{ slug: "a", anchors: edited.anchors }], glossaryEntryIds: ["alpha", "epsilon"] }, ...otherCourses]);
    expect(checkCourseFacts([edited], targets).map((problem) => problem.message)).toEqual(problems.map((problem) => problem.message));
  });

  it("reports a link to the glossary of a course that has none", async () => {
    const edited = (await analyzeSourceFacts(lesson("a", "See [alpha](./glossary#alpha)."), "course", "a", "a.mdx"))!;
    const problems = checkAgainstCourse(edited, [], { glossaryEntryIds: null, otherCourses: [] });
    expect(problems.map((problem) => problem.message)).toEqual(['broken link "./glossary#alpha": course "course" has no lesson "glossary"']);
  });
});
