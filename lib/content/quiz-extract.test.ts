import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeLesson } from "./analyze-lesson";
import { DEFAULT_CHOICE_ID_SALT } from "./quiz-ids";

const goodFile = path.join(__dirname, "fixtures/good-course/first-lesson.mdx");
const goodSource = readFileSync(goodFile, "utf8");

async function quizzesOf(source: string, salt?: string) {
  const analysis = await analyzeLesson({ source, file: "lesson.mdx", courseSlug: "good-course", salt });
  return { analysis, quizzes: analysis.collector?.quizzes ?? [] };
}

function lesson(body: string): string {
  return `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 1\nobjectives:\n  - O\n---\n${body}\n`;
}

describe("quiz extraction", () => {
  it("builds a keyed definition with policy, kinds, rendered HTML and citations", async () => {
    const { analysis, quizzes } = await quizzesOf(goodSource);
    expect(analysis.diagnostics).toEqual([]);
    expect(quizzes).toHaveLength(1);
    const { definition } = quizzes[0]!;
    expect(definition).toMatchObject({
      id: "goodhart-check",
      title: "Check your understanding",
      courseSlug: "good-course",
      lessonSlug: "first-lesson",
      policy: { maxAttempts: 3, showAnswers: "after-last-attempt", grading: "highest", shuffle: false, passMark: 0.5 },
    });
    const [variant, gaming, labels] = definition.items;
    expect(variant!.kind).toBe("single");
    expect(variant!.choices.map((choice) => choice.correct)).toEqual([false, true, false]);
    expect(variant!.choices.map((choice) => choice.labelHtml)).toEqual(["Causal Goodhart", "Regressional Goodhart", "Extremal Goodhart"]);
    expect(variant!.choices[1]!.feedbackHtml).toBe("FEEDBACK-REGRESSIONAL-2b9c: yes.");
    expect(variant!.choices[2]!.feedbackHtml).toBeNull();
    expect(variant!.promptHtml).toContain('<span class="katex">');
    expect(variant!.explanationHtml).toBe(
      '<p>EXPLANATION-VARIANT-91d0: regressional Goodhart is selection on noise <a href="#ref-manheim2018" class="citation">(Manheim &#x26; Garrabrant, 2018)</a>.</p>',
    );
    expect(gaming!.kind).toBe("multiple");
    expect(gaming!.choices.map((choice) => choice.correct)).toEqual([true, true, false]);
    expect(gaming!.choices[0]!.labelHtml).toBe("A boat-racing agent circling to collect <strong>targets</strong>");
    expect(labels).toMatchObject({ kind: "truefalse", promptHtml: "Perfect labels suffice for alignment." });
    expect(labels!.choices.map((choice) => [choice.labelHtml, choice.correct, choice.feedbackHtml])).toEqual([
      ["True", false, "FEEDBACK-TRUE-aa10: no."],
      ["False", true, null],
    ]);
    expect(labels!.explanationHtml).toContain("(Christiano et al., 2017)");
  });

  it("gives the browser no keys, feedback or explanations", async () => {
    const { quizzes } = await quizzesOf(goodSource);
    const publicJson = JSON.stringify(quizzes[0]!.publicQuiz);
    expect(publicJson).not.toMatch(/correct|feedback|explanation|FEEDBACK-|EXPLANATION-/i);
    expect(quizzes[0]!.publicQuiz.items[0]!.choices.map((choice) => choice.labelHtml)).toEqual(["Causal Goodhart", "Regressional Goodhart", "Extremal Goodhart"]);
  });

  it("uses opaque choice ids that reveal neither position nor key", async () => {
    const { quizzes } = await quizzesOf(goodSource);
    const items = quizzes[0]!.definition.items;
    const ids = items.flatMap((item) => item.choices.map((choice) => choice.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
    // Same position in different items gets unrelated ids.
    expect(items[0]!.choices[0]!.id).not.toBe(items[1]!.choices[0]!.id);
    const salted = await quizzesOf(goodSource, "another-salt");
    expect(salted.quizzes[0]!.definition.items[0]!.choices[0]!.id).not.toBe(items[0]!.choices[0]!.id);
    expect(salted.quizzes[0]!.definition.version).not.toBe(quizzes[0]!.definition.version);
  });

  it("versions quizzes by content: stable for the same text, new when an answer changes", async () => {
    const first = (await quizzesOf(goodSource)).quizzes[0]!.definition;
    const again = (await quizzesOf(goodSource)).quizzes[0]!.definition;
    expect(again.version).toBe(first.version);
    expect(again.items[0]!.choices.map((choice) => choice.id)).toEqual(first.items[0]!.choices.map((choice) => choice.id));
    const rekeyed = goodSource.replace("<Choice>Extremal Goodhart</Choice>", "<Choice correct>Extremal Goodhart</Choice>").replace('<Choice correct feedback="FEEDBACK-REGRESSIONAL', '<Choice feedback="FEEDBACK-REGRESSIONAL');
    const changed = (await quizzesOf(rekeyed)).quizzes[0]!.definition;
    expect(changed.items[0]!.choices.map((choice) => choice.correct)).toEqual([false, false, true]);
    expect(changed.version).not.toBe(first.version);
    const proseEdited = (await quizzesOf(goodSource.replace("A second heading", "Another heading"))).quizzes[0]!.definition;
    expect(proseEdited.version).toBe(first.version);
    expect(DEFAULT_CHOICE_ID_SALT).toBeTruthy();
  });

  it("replaces the whole quiz in the tree by <Quiz id> and keeps quiz text out of search", async () => {
    const { analysis } = await quizzesOf(goodSource);
    const searchable = JSON.stringify(analysis.collector?.searchSections);
    expect(searchable).toContain("Selecting on a noisy proxy selects for the noise too.");
    expect(searchable).not.toMatch(/FEEDBACK-|EXPLANATION-|Causal Goodhart/);
  });

  it("reports structural mistakes at the item", async () => {
    const source = lesson(`<Quiz id="q">
  <MultipleChoice id="a" question="Q?">
    <Choice correct>One</Choice>
    <Choice>Two</Choice>
    <Explanation>First.</Explanation>
    <Explanation>Second.</Explanation>
    <Callout>Not here.</Callout>
  </MultipleChoice>
  <TrueFalse id="b" answer={false} statement="S">
    <Choice>Nope</Choice>
    <Explanation>Inside: <Callout>no</Callout></Explanation>
  </TrueFalse>
</Quiz>

<Quiz id="empty" />`);
    const { analysis } = await quizzesOf(source);
    expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.message}`)).toEqual([
      "14:5 error <MultipleChoice> has more than one <Explanation>",
      "15:5 error <MultipleChoice> may contain only <Choice> and <Explanation>",
      "18:5 error <Choice> must be inside <MultipleChoice>",
      "18:5 error <TrueFalse> may contain only <Explanation>",
      "19:26 error <Callout> cannot be used inside a quiz; only markdown, math and <Cite> can",
      "23:1 error <Quiz id=\"empty\"> has no items; add a <MultipleChoice> or <TrueFalse>",
    ]);
  });

  it("reports duplicate ids within a lesson", async () => {
    const item = (id: string) => `  <TrueFalse id="${id}" answer={true} statement="S">\n    <Explanation>E.</Explanation>\n  </TrueFalse>`;
    const source = lesson(`<Quiz id="q">\n${item("x")}\n${item("x")}\n</Quiz>\n\n<Quiz id="q">\n${item("y")}\n</Quiz>`);
    const { analysis } = await quizzesOf(source);
    expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual([
      '13:3 quiz item id "x" is already used at 10:3',
      '18:1 quiz id "q" is already used at 9:1',
    ]);
  });
});
