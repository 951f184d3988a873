// The <Numeric> contract the course writers use, compiled as a lesson file would be (issue #15).
import { describe, expect, it } from "vitest";
import { toPublicQuiz } from "../quiz/public-view";
import { analyzeLesson } from "./analyze-lesson";

const lesson = (body: string) => `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 1\nobjectives:\n  - O\n---\n\n<Quiz id="q">\n${body}\n</Quiz>\n`;

async function extract(item: string) {
  const analysis = await analyzeLesson({ source: lesson(item), file: "t.mdx", courseSlug: "c", expectedSlug: "t", salt: "numeric-test-secret-numeric-test-secret" });
  return { errors: analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`), quiz: analysis.collector?.quizzes[0]?.definition };
}

const CONTRACT = `<Numeric id="l4-padded-risk" question="What is the padded risk at ŝ = 0?" answer={0.7} tolerance={0.005} units="" feedbackCorrect="Yes: **six** of ten exceed 0." feedbackIncorrect="Count the values above 0.">
  <Explanation>Six of the ten calibration values exceed 0, so the padded risk is $(6 + 1)/10 = 0.7$.</Explanation>
</Numeric>`;

describe("<Numeric>", () => {
  it("compiles the contract: the key as written decimals on the server, only prompt and units in the page", async () => {
    const { errors, quiz } = await extract(CONTRACT);
    expect(errors).toEqual([]);
    const item = quiz!.items[0]!;
    expect(item).toMatchObject({ id: "l4-padded-risk", kind: "numeric", choices: [], numericKey: { answer: "0.7", tolerance: { kind: "absolute", value: "0.005" } } });
    expect(item.numericKey!.feedbackCorrectHtml).toBe("Yes: <strong>six</strong> of ten exceed 0.");
    expect(item.explanationHtml).toContain("katex");
    expect(item.units).toBeUndefined(); // units="" means none
    const shipped = JSON.stringify(toPublicQuiz(quiz!));
    expect(shipped).not.toMatch(/0\.005|numericKey|feedback|Count the values|Six of the ten/);
  });

  it("takes relativeTolerance and units, and ships the units", async () => {
    const { errors, quiz } = await extract(`<Numeric id="n" question="How long?" answer={120} relativeTolerance={0.05} units="s"><Explanation>E</Explanation></Numeric>`);
    expect(errors).toEqual([]);
    expect(quiz!.items[0]!.numericKey!.tolerance).toEqual({ kind: "relative", value: "0.05" });
    expect(toPublicQuiz(quiz!).items[0]).toMatchObject({ kind: "numeric", units: "s", choices: [] });
  });

  it("requires exactly one tolerance, and a positive relative one", async () => {
    expect((await extract(`<Numeric id="n" question="Q" answer={1}><Explanation>E</Explanation></Numeric>`)).errors.join("\n")).toContain("needs exactly one of tolerance={…} (absolute) and relativeTolerance={…}");
    expect((await extract(`<Numeric id="n" question="Q" answer={1} tolerance={0.1} relativeTolerance={0.1}><Explanation>E</Explanation></Numeric>`)).errors.join("\n")).toContain("needs exactly one of");
    expect((await extract(`<Numeric id="n" question="Q" answer={1} relativeTolerance={0}><Explanation>E</Explanation></Numeric>`)).errors.join("\n")).toContain("relativeTolerance must be above 0");
    expect((await extract(`<Numeric id="n" question="Q" answer="1" tolerance={0.1}><Explanation>E</Explanation></Numeric>`)).errors.join("\n")).toContain("answer must be a number");
  });

  it("puts its feedback through the same safe-MDX rules and HTML policy as every quiz text", async () => {
    const { errors, quiz } = await extract(`<Numeric id="n" question="Q" answer={1} tolerance={0} feedbackIncorrect="[hint](javascript:alert(1))"><Explanation>E</Explanation></Numeric>`);
    expect(errors.join("\n")).toContain("quiz text:");
    expect(quiz!.items[0]!.numericKey!.feedbackIncorrectHtml).not.toContain("javascript:");
  });
});
