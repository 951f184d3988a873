import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { restorableDraft } from "./draft";
import { validateResponses } from "./grade";
import { goodhartQuiz } from "./test-fixtures";

const quiz = goodhartQuiz();

describe("restorableDraft", () => {
  it("keeps a draft that still fits as it is", () => {
    const draft = { "goodhart-variant": ["c-causal"], "gaming-cases": ["m-boat", "m-chess"] };
    expect(restorableDraft(quiz, draft)).toEqual(draft);
  });

  it("drops removed items and choices, duplicates and extra single-answer choices", () => {
    const draft = {
      "removed-item": ["x"],
      "goodhart-variant": ["c-gone", "c-extremal", "c-causal"],
      "gaming-cases": ["m-boat", "m-boat", "m-gone"],
      "perfect-labels": ["tf-gone"],
    };
    expect(restorableDraft(quiz, draft)).toEqual({ "goodhart-variant": ["c-extremal"], "gaming-cases": ["m-boat"] });
  });

  it("always yields responses that validate against the definition", () => {
    const ids = fc.constantFrom("goodhart-variant", "gaming-cases", "perfect-labels", "other", "__proto__");
    const choiceIds = fc.constantFrom("c-causal", "c-regressional", "m-boat", "m-lego", "tf-true", "tf-false", "zzz");
    fc.assert(
      fc.property(fc.dictionary(ids, fc.array(choiceIds, { maxLength: 6 })), (draft) => {
        expect(validateResponses(quiz, restorableDraft(quiz, draft))).toEqual([]);
      }),
    );
  });
});
