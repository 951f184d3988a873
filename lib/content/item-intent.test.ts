import { describe, expect, it } from "vitest";
import { analyzeLesson } from "./analyze-lesson";
import { readItemIntents, summariseIntents } from "./item-intent";

const lesson = (quiz: string) => `---
title: Intent
slug: intent
summary: A lesson for the intent reader.
estimatedMinutes: 5
objectives:
  - Read intents.
---

Prose that mentions \`<MultipleChoice>\` in code, which is not an item, and math with braces, $\\#\\{i : t_i > \\lambda\\}$.

${quiz}
`;

const QUIZ = `<Quiz id="q">
  <MultipleChoice id="a" intent="apply" exercise question="Compute it.">
    <Choice correct>1</Choice>
    <Choice>2</Choice>
    <Explanation>Because.</Explanation>
  </MultipleChoice>
  <TrueFalse id="b" intent="recall" revisits="earlier-lesson" answer={true} statement="A fact.">
    <Explanation>Because.</Explanation>
  </TrueFalse>
  <MultipleChoice id="c" question="Unmarked.">
    <Choice correct>x</Choice>
    <Choice>y</Choice>
    <Explanation>Because.</Explanation>
  </MultipleChoice>
</Quiz>`;

describe("item intent", () => {
  it("reads intent, revisits and exercise from each item, in order", () => {
    expect(readItemIntents(lesson(QUIZ)).map((item) => ({ ...item, line: undefined }))).toEqual([
      { id: "a", quizId: "q", component: "MultipleChoice", intent: "apply", revisits: null, exercise: true, line: undefined },
      { id: "b", quizId: "q", component: "TrueFalse", intent: "recall", revisits: "earlier-lesson", exercise: false, line: undefined },
      { id: "c", quizId: "q", component: "MultipleChoice", intent: null, revisits: null, exercise: false, line: undefined },
    ]);
  });

  it("summarises a lesson: unmarked items count as recall, and only earlier lessons count as revisited", () => {
    const items = readItemIntents(lesson(QUIZ));
    const summary = summariseIntents(items, ["earlier-lesson"]);
    expect(summary).toMatchObject({ items: 3, apply: 1 });
    expect(summary.applyShare).toBeCloseTo(1 / 3);
    expect(summary.revisiting.map((item) => item.id)).toEqual(["b"]);
    expect(summary.exercises.map((item) => item.id)).toEqual(["a"]);
    expect(summariseIntents(items, []).revisiting).toEqual([]);
  });

  it("is accepted by the content checker, which rejects a wrong intent or a malformed lesson slug", async () => {
    const ok = await analyzeLesson({ source: lesson(QUIZ), file: "intent.mdx", courseSlug: "c", expectedSlug: "intent" });
    expect(ok.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bad = await analyzeLesson({
      source: lesson(QUIZ.replace('intent="apply"', 'intent="analyse"').replace('revisits="earlier-lesson"', 'revisits="Earlier Lesson"')),
      file: "intent.mdx",
      courseSlug: "c",
      expectedSlug: "intent",
    });
    const messages = bad.diagnostics.map((d) => d.message).join("\n");
    expect(messages).toMatch(/<MultipleChoice> intent must be one of "recall", "apply", not "analyse"/);
    expect(messages).toMatch(/<TrueFalse> revisits "Earlier Lesson" may contain only a lesson slug/);
  });
});
