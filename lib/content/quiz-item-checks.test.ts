import { describe, expect, it } from "vitest";
import { analyzeLesson } from "./analyze-lesson";
import { itemWritingFlaws, repeatsStem, type ItemFacts } from "./quiz-item-checks";

const at = { line: 1, column: 1 };
const item = (kind: ItemFacts["kind"], stem: string, choices: Array<[string, boolean]>): ItemFacts => ({ id: "i", kind, at, stem, choices: choices.map(([text, correct]) => ({ text, correct, at })) });
const flaws = (facts: ItemFacts) => itemWritingFlaws(facts).map((flaw) => flaw.flaw);

describe("item-writing checks (#12 Also)", () => {
  it("flags a key that is strictly the longest option, and not a tie", () => {
    expect(flaws(item("single", "Q?", [["short", false], ["a much longer, careful answer", true], ["medium one", false]]))).toEqual(["longest-key"]);
    expect(flaws(item("single", "Q?", [["same length", true], ["same length!", false]]))).toEqual([]);
  });

  it("flags all/none of the above, an all-correct multiple-answer item and one with a single wrong option", () => {
    expect(flaws(item("single", "Q?", [["All of the above", true], ["a", false], ["b", false]]))).toContain("all-or-none-of-the-above");
    expect(flaws(item("single", "Q?", [["x", true], ["None of the above", false]]))).toContain("all-or-none-of-the-above");
    expect(flaws(item("multiple", "Q?", [["a", true], ["b", true]]))).toEqual(["all-correct"]);
    expect(flaws(item("multiple", "Q?", [["a", true], ["b", true], ["c", false]]))).toEqual(["one-wrong-option"]);
    expect(flaws(item("multiple", "Q?", [["a", true], ["b", false], ["c", false]]))).toEqual([]);
  });

  it("flags an option that repeats the stem's wording, not one that shares only common words", () => {
    expect(repeatsStem("Which proxy fails under optimisation pressure?", "It fails under optimisation pressure")).toBe(true);
    expect(repeatsStem("What is the risk of the model?", "The risk of a flood")).toBe(false);
    expect(repeatsStem("Is $\\hat{R}$ below alpha?", "$\\hat{R}$ below")).toBe(false);
  });

  it("reports them as warnings at the option's file:line:col when a lesson is analysed", async () => {
    const source = `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 1\nobjectives:\n  - O\n---\n\n<Quiz id="q">\n  <MultipleChoice id="m" question="Which?">\n    <Choice>no</Choice>\n    <Choice correct>the only long and careful answer</Choice>\n    <Explanation>E</Explanation>\n  </MultipleChoice>\n</Quiz>\n`;
    const analysis = await analyzeLesson({ source, file: "t.mdx", courseSlug: "c", expectedSlug: "t" });
    expect(analysis.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.line, diagnostic.column])).toEqual([["warning", 13, 5]]);
  });
});
