import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ALLOWED_COMPONENTS, CONFORMAL_SANDBOX_PRESETS } from "./components";
import { describe, expect, it } from "vitest";
import { checkContent } from "./check-content";
import { formatDiagnostic, hasErrors } from "./diagnostics";

const fixtures = path.join(__dirname, "fixtures");
const root = path.resolve(__dirname, "../..");

async function check(dir: string): Promise<string[]> {
  return (await checkContent([path.join(fixtures, dir)])).map((diagnostic) => formatDiagnostic(diagnostic, root));
}

describe("content:check", () => {
  it("reports nothing for a correct course", async () => {
    expect(await check("good-course")).toEqual([]);
  });

  it("reports every mistake in the broken course at its file:line:col", async () => {
    const base = "lib/content/fixtures/broken-course";
    expect(await check("broken-course")).toEqual([
      `${base}/bad-components.mdx:9:1 import and export are not allowed in lessons; components are provided automatically`,
      `${base}/bad-components.mdx:11:10 <Callout> type must be one of "note", "tip", "warning", "key", not "danger"`,
      `${base}/bad-components.mdx:13:1 unknown component <Chart>; allowed: ${ALLOWED_COMPONENTS.join(", ")}`,
      `${base}/bad-components.mdx:15:1 <Figure> with src needs alt text`,
      `${base}/bad-components.mdx:17:15 JavaScript expressions {…} are not allowed in lessons; only comments {/* … */} are`,
      `${base}/bad-components.mdx:19:1 <Cite id="nobody2020"> has no entry in the frontmatter references`,
      `${base}/bad-components.mdx:21:1 <Choice> must be inside <MultipleChoice>`,
      `${base}/bad-components.mdx:23:11 Could not render math with KaTeX: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}`,
      `${base}/bad-frontmatter.mdx:4:1 frontmatter: summary must not be empty`,
      `${base}/bad-frontmatter.mdx:5:1 frontmatter: estimatedMinutes Invalid input: expected number, received string`,
      `${base}/bad-frontmatter.mdx:6:1 frontmatter: objectives list at least one objective`,
      `${base}/bad-frontmatter.mdx:8:5 frontmatter: references[0] needs at least one of arxiv, doi or url so a reader can check it`,
      `${base}/bad-frontmatter.mdx:18:5 frontmatter: references[1].arxiv arxiv must be quoted, e.g. arxiv: "2203.0215"`,
      `${base}/bad-frontmatter.mdx:19:1 frontmatter: unknown key "colour"`,
      `${base}/bad-links.mdx:11:31 broken link "#nowhere": lesson "bad-links" has no heading with id "nowhere"`,
      `${base}/bad-links.mdx:12:3 broken link "/courses/broken-course/no-such-lesson": course "broken-course" has no lesson "no-such-lesson"`,
      `${base}/bad-links.mdx:13:3 broken link "/courses/no-such-course": there is no course "no-such-course"`,
      `${base}/bad-links.mdx:14:39 broken link "./bad-quizz": course "broken-course" has no lesson "bad-quizz"`,
      `${base}/bad-links.mdx:15:3 broken link "/courses/broken-course/bad-quiz#nothing-here": lesson "bad-quiz" has no heading with id "nothing-here"`,
      `${base}/bad-links.mdx:18:1 quiz id "shared-check" is already used in ${base}/bad-quiz.mdx:32:1; quiz ids must be unique across all courses and the studio`,
      `${base}/bad-links.mdx:19:3 quiz item id "shared-item" is already used in ${base}/bad-quiz.mdx:33:3; ids must be unique within the course`,
      `${base}/bad-quiz.mdx:9:27 <Quiz> maxAttempts must be at least 0, not -1`,
      `${base}/bad-quiz.mdx:9:44 <Quiz> showAnswers must be one of "after-submit", "after-last-attempt", "after-correct", "never", not "sometimes"`,
      `${base}/bad-quiz.mdx:9:68 <Quiz> shuffle must be {true} or {false}, not "yes"`,
      `${base}/bad-quiz.mdx:9:82 <Quiz> has no attribute "timer"; known: id, title, maxAttempts, showAnswers, showCorrectness, showMarks, showFeedback, showExplanation, grading, shuffle, passMark`,
      `${base}/bad-quiz.mdx:10:3 <MultipleChoice id="no-correct"> has no correct choice; mark exactly one <Choice correct>`,
      `${base}/bad-quiz.mdx:15:3 <MultipleChoice id="two-correct"> has 2 correct choices but is single-answer; mark exactly one, or add \`multiple\``,
      `${base}/bad-quiz.mdx:15:3 warning: <MultipleChoice id="two-correct"> has no <Explanation>; every item should explain its answer and cite its source`,
      `${base}/bad-quiz.mdx:19:3 warning: <MultipleChoice id="one-choice" multiple>: every option is correct, so selecting everything gets full marks`,
      `${base}/bad-quiz.mdx:19:3 <MultipleChoice id="one-choice"> needs at least two <Choice> elements, found 1`,
      `${base}/bad-quiz.mdx:23:3 <TrueFalse> needs answer={true} or answer={false}`,
      `${base}/bad-quiz.mdx:26:3 quiz item id "no-correct" is already used at 10:3`,
      `${base}/bad-quiz.mdx:29:3 <Quiz> may contain only <MultipleChoice>, <TrueFalse> and <Numeric> items`,
      `${base}/course.json:7:3 warning: course.json: estimatedMinutes is not used; the course's time is the sum of its lessons' estimatedMinutes, so remove it`,
      `${base}/course.json:8:107 course.json: lesson "missing-lesson" has no file missing-lesson.mdx`,
      `${base}/orphan-lesson.mdx:1:1 lesson "orphan-lesson" is not listed in course.json lessons`,
      `${base}/syntax-error.mdx:10:1 MDX syntax error: Expected a closing tag for \`<Callout>\``,
      `${base}/wrong-slug.mdx:3:1 frontmatter: slug "something-else" must equal the file name "wrong-slug"`,
    ]);
  });

  it("fails on errors but not on warnings alone", async () => {
    expect(hasErrors(await checkContent([path.join(fixtures, "broken-course")]))).toBe(true);
    const warningsOnly = (await checkContent([path.join(fixtures, "broken-course")])).filter((diagnostic) => diagnostic.severity === "warning");
    expect(warningsOnly.length).toBeGreaterThan(0);
    expect(hasErrors(warningsOnly)).toBe(false);
  });

  it("refuses a ConformalSandbox preset that does not exist, at its file:line:col, and accepts every real one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sandbox-preset-"));
    try {
      await cp(path.join(fixtures, "good-course"), path.join(dir, "good-course"), { recursive: true });
      const lesson = path.join(dir, "good-course", "first-lesson.mdx");
      const source = await readFile(lesson, "utf8");
      const line = source.split("\n").length + 1;
      await writeFile(lesson, `${source}\n<ConformalSandbox preset="monotone1d" />\n`);
      const messages = (await checkContent([path.join(dir, "good-course")])).map((diagnostic) => formatDiagnostic(diagnostic, dir));
      expect(messages).toEqual([
        `good-course/first-lesson.mdx:${line}:19 <ConformalSandbox> preset must be one of ${CONFORMAL_SANDBOX_PRESETS.map((name) => `"${name}"`).join(", ")}, not "monotone1d"`,
      ]);
      await writeFile(lesson, `${source}\n${CONFORMAL_SANDBOX_PRESETS.map((name) => `<ConformalSandbox preset="${name}" />`).join("\n\n")}\n\n<ConformalSandbox />\n`);
      expect(await checkContent([path.join(dir, "good-course")])).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
