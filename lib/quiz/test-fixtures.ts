// Quiz definitions shared by the lib/quiz and lib/analytics tests. Not imported by application code.

import fc from "fast-check";
import type { KeyedChoice, QuizDefinition, QuizItemDefinition, QuizPolicy } from "./types";

const defaultTestPolicy: QuizPolicy = {
  maxAttempts: 3,
  showAnswers: "after-submit",
  review: { correctness: "after-submit", marks: "after-submit", specificFeedback: "after-submit", generalFeedback: "after-submit" },
  grading: "highest",
  shuffle: false,
  passMark: 0.7,
};

function choice(id: string, correct: boolean, feedbackHtml: string | null = null): KeyedChoice {
  return { id, labelHtml: `<p>Label of ${id}</p>`, correct, feedbackHtml };
}

/** Three items: a single-answer, a multiple-answer (k = 2 of 4) and a true/false. */
export function goodhartQuiz(policy: Partial<QuizPolicy> = {}): QuizDefinition {
  return {
    id: "goodhart-check",
    version: "v1-abc123",
    title: "Check your understanding",
    courseSlug: "alignment-foundations",
    lessonSlug: "goodhart-and-specification-gaming",
    policy: { ...defaultTestPolicy, ...policy },
    items: [
      {
        id: "goodhart-variant",
        kind: "single",
        promptHtml: "<p>Which variant of Goodhart's law is at work?</p>",
        choices: [
          choice("c-causal", false, "<p>Not causal: the proxy does not drive the goal in this setting.</p>"),
          choice("c-regressional", true, "<p>Yes: selecting on a noisy proxy also selects for the noise.</p>"),
          choice("c-extremal", false),
        ],
        explanationHtml:
          "<p>Regressional Goodhart is what happens when you select on a proxy that equals the goal plus noise (Manheim &amp; Garrabrant, 2018).</p>",
      },
      {
        id: "gaming-cases",
        kind: "multiple",
        promptHtml: "<p>Which of these are documented cases of specification gaming?</p>",
        choices: [
          choice("m-boat", true),
          choice("m-lego", true, "<p>Right: the stacking agent flipped the red block to raise its bottom face.</p>"),
          choice("m-chess", false, "<p>No: this engine simply won its games within the rules of chess.</p>"),
          choice("m-weather", false),
        ],
        explanationHtml:
          "<p>The boat race and the Lego stacking agent both exploit a misspecified reward (Krakovna et al., 2020).</p>",
      },
      {
        id: "perfect-labels",
        kind: "truefalse",
        promptHtml: "<p>Perfect labels on the training data guarantee the intended behaviour.</p>",
        choices: [
          choice("tf-true", false, "<p>No: many functions fit the same labels and disagree off the data.</p>"),
          choice("tf-false", true),
        ],
        explanationHtml: "<p>Fitting the training data leaves the behaviour off the training distribution unspecified.</p>",
      },
    ],
  };
}

/** Arbitrary valid item definitions, for property tests. */
export const itemDefinitionArbitrary: fc.Arbitrary<QuizItemDefinition> = fc
  .record({
    kind: fc.constantFrom("single" as const, "multiple" as const, "truefalse" as const),
    choiceCount: fc.integer({ min: 2, max: 8 }),
    correctMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    singleCorrect: fc.nat(),
    suffix: fc.string({ minLength: 1, maxLength: 6 }),
  })
  .map(({ kind, choiceCount, correctMask, singleCorrect, suffix }) => {
    const count = kind === "truefalse" ? 2 : choiceCount;
    const correctIndex = singleCorrect % count;
    const mask = kind === "multiple" ? correctMask.slice(0, count) : correctMask.slice(0, count).map((_, i) => i === correctIndex);
    if (!mask.some(Boolean)) mask[correctIndex] = true;
    return {
      id: `item-${suffix}`,
      kind,
      promptHtml: "<p>Prompt</p>",
      choices: mask.map((correct, i) => ({
        id: `choice-${i}`,
        labelHtml: `<p>Choice ${i}</p>`,
        correct,
        feedbackHtml: i % 2 === 0 ? `<p>Feedback ${i}</p>` : null,
      })),
      explanationHtml: "<p>Explanation</p>",
    };
  });
