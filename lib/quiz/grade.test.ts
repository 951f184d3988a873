import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gradeAttempt,
  isResponseValidationError,
  meetsPassMark,
  ResponseValidationError,
  safeGradeAttempt,
  scoreItem,
  validateResponses,
  type ResponseIssue,
} from "./grade";
import { goodhartQuiz, itemDefinitionArbitrary } from "./test-fixtures";
import type { QuizResponses } from "./types";

function issuesOf(responses: QuizResponses): ResponseIssue[] {
  try {
    gradeAttempt(goodhartQuiz(), responses);
  } catch (error) {
    expect(isResponseValidationError(error)).toBe(true);
    return (error as ResponseValidationError).issues;
  }
  throw new Error("expected a ResponseValidationError");
}

describe("gradeAttempt: single-answer and true/false items", () => {
  it("gives 1 for the correct choice and 0 for a wrong one", () => {
    const graded = gradeAttempt(goodhartQuiz(), { "goodhart-variant": ["c-regressional"], "perfect-labels": ["tf-true"] });
    const [variant, , labels] = graded.items;
    expect(variant).toMatchObject({ itemId: "goodhart-variant", score: 1, correct: true, answered: true });
    expect(labels).toMatchObject({ itemId: "perfect-labels", score: 0, correct: false, answered: true, selectedChoiceIds: ["tf-true"] });
  });

  it("gives 1 on a true/false item for the right answer", () => {
    const graded = gradeAttempt(goodhartQuiz(), { "perfect-labels": ["tf-false"] });
    expect(graded.items[2]).toMatchObject({ score: 1, correct: true });
  });
});

describe("gradeAttempt: multiple-answer items (+1/k per correct, −1/w per wrong; k = w = 2)", () => {
  const cases: Array<[string[], number]> = [
    [["m-boat", "m-lego"], 1],
    [["m-boat"], 0.5],
    [["m-lego", "m-weather"], 0],
    [["m-boat", "m-lego", "m-chess"], 0.5],
    [["m-boat", "m-chess", "m-weather"], 0], // 1/2 − 2/2 clamps at 0
    [["m-chess"], 0],
    [["m-boat", "m-lego", "m-chess", "m-weather"], 0],
  ];
  it.each(cases)("selecting %j scores %d", (selected, expected) => {
    const graded = gradeAttempt(goodhartQuiz(), { "gaming-cases": selected });
    expect(graded.items[1]?.score).toBe(expected);
    expect(graded.items[1]?.correct).toBe(expected === 1);
  });

  it("is 1 exactly with three of three correct (no 0.333… rounding drift)", () => {
    const item = {
      id: "x",
      kind: "multiple" as const,
      promptHtml: "",
      explanationHtml: null,
      choices: ["a", "b", "c", "d"].map((id) => ({ id, labelHtml: id, correct: id !== "d", feedbackHtml: null })),
    };
    expect(scoreItem(item, ["a", "b", "c"])).toBe(1);
    // Issue #12 item 4: the old rule (−1/k per wrong choice) gave 2/3 here for ticking every box.
    expect(scoreItem(item, ["a", "b", "c", "d"])).toBe(0);
    expect(scoreItem(item, ["a", "d"])).toBe(0);
    expect(scoreItem(item, ["a", "b"])).toBeCloseTo(2 / 3, 12);
  });
});

describe("gradeAttempt: totals and pass mark", () => {
  it("sums the item scores and compares the fraction with passMark", () => {
    const graded = gradeAttempt(goodhartQuiz(), {
      "goodhart-variant": ["c-regressional"],
      "gaming-cases": ["m-boat"],
      "perfect-labels": ["tf-false"],
    });
    expect(graded).toMatchObject({ quizId: "goodhart-check", quizVersion: "v1-abc123", score: 2.5, maxScore: 3, passed: true });
    expect(graded.fraction).toBeCloseTo(2.5 / 3, 12);
  });

  it("fails below the pass mark and passes at it exactly", () => {
    const graded = gradeAttempt(goodhartQuiz(), { "goodhart-variant": ["c-regressional"], "gaming-cases": ["m-boat", "m-lego"] });
    expect(graded.fraction).toBeCloseTo(2 / 3, 12);
    expect(graded.passed).toBe(false);
    expect(gradeAttempt(goodhartQuiz({ passMark: 2 / 3 }), { "goodhart-variant": ["c-regressional"], "gaming-cases": ["m-boat", "m-lego"] }).passed).toBe(true);
  });

  it("treats missing items and empty selections as unanswered, scoring 0", () => {
    const graded = gradeAttempt(goodhartQuiz(), { "gaming-cases": [] });
    expect(graded.items.map((item) => [item.answered, item.score, item.selectedChoiceIds])).toEqual([
      [false, 0, []],
      [false, 0, []],
      [false, 0, []],
    ]);
    expect(graded).toMatchObject({ score: 0, maxScore: 3, fraction: 0, passed: false });
  });

  it("stores selections in definition order, whatever order they came in", () => {
    const graded = gradeAttempt(goodhartQuiz(), { "gaming-cases": ["m-weather", "m-boat"] });
    expect(graded.items[1]?.selectedChoiceIds).toEqual(["m-boat", "m-weather"]);
  });

  it("meetsPassMark tolerates float error but not a real shortfall", () => {
    const sevenTenthsWithDrift = (7 * (1 / 3)) / (10 / 3);
    expect(sevenTenthsWithDrift).toBeLessThan(0.7); // 0.6999999999999998
    expect(meetsPassMark(sevenTenthsWithDrift, 0.7)).toBe(true);
    expect(meetsPassMark(0.69, 0.7)).toBe(false);
  });
});

describe("gradeAttempt: invalid responses are typed errors naming the field", () => {
  it("rejects an unknown item", () => {
    expect(issuesOf({ nope: ["c-causal"] })).toEqual([
      { code: "unknown-item", field: "responses.nope", itemId: "nope", message: 'no item "nope" in this quiz' },
    ]);
  });

  it("rejects an unknown choice, including a choice of another item", () => {
    const issues = issuesOf({ "goodhart-variant": ["m-boat"] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "unknown-choice", field: "responses.goodhart-variant", choiceId: "m-boat" });
  });

  it("rejects a duplicated choice", () => {
    expect(issuesOf({ "gaming-cases": ["m-boat", "m-boat"] })[0]).toMatchObject({ code: "duplicate-choice", choiceId: "m-boat" });
  });

  it("rejects two choices on a single-answer and on a true/false item", () => {
    const issues = issuesOf({ "goodhart-variant": ["c-causal", "c-regressional"], "perfect-labels": ["tf-true", "tf-false"] });
    expect(issues.map((issue) => [issue.code, issue.field])).toEqual([
      ["too-many-choices", "responses.goodhart-variant"],
      ["too-many-choices", "responses.perfect-labels"],
    ]);
  });

  it("rejects non-array responses that slipped past the schema", () => {
    expect(issuesOf({ "goodhart-variant": "c-causal" as unknown as string[] })[0]?.code).toBe("invalid-response");
  });

  it("does not treat inherited object keys as items", () => {
    expect(issuesOf(JSON.parse('{"__proto__": ["x"], "constructor": ["y"]}') as QuizResponses)).toHaveLength(2);
  });

  it("safeGradeAttempt returns the issues instead of throwing", () => {
    const result = safeGradeAttempt(goodhartQuiz(), { nope: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe("responses.nope");
    expect(safeGradeAttempt(goodhartQuiz(), {}).ok).toBe(true);
  });

  it("validateResponses accepts a partial draft", () => {
    expect(validateResponses(goodhartQuiz(), { "gaming-cases": ["m-boat"] })).toEqual([]);
  });
});

describe("scoreItem properties", () => {
  it("is always within [0, 1], and 1 exactly when the selection is the key", () => {
    fc.assert(
      fc.property(itemDefinitionArbitrary, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (item, pickMask) => {
        let selected = item.choices.filter((_, i) => pickMask[i]).map((choice) => choice.id);
        if (item.kind !== "multiple") selected = selected.slice(0, 1);
        const score = scoreItem(item, selected);
        const key = item.choices.filter((choice) => choice.correct).map((choice) => choice.id);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(score === 1).toBe(key.length === selected.length && key.every((id) => selected.includes(id)));
      }),
    );
  });

  it("scores selecting everything and selecting nothing exactly 0 on every multiple-answer item (#12 item 4)", () => {
    fc.assert(
      fc.property(itemDefinitionArbitrary, (item) => {
        // With no wrong option, everything is the key (content:check warns about such an item).
        fc.pre(item.kind === "multiple" && item.choices.some((choice) => !choice.correct));
        expect(scoreItem(item, item.choices.map((choice) => choice.id))).toBe(0);
        expect(scoreItem(item, [])).toBe(0);
      }),
    );
  });

  it("is +1/k per correct choice and −1/w per wrong choice, clamped at 0", () => {
    fc.assert(
      fc.property(itemDefinitionArbitrary, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (item, pickMask) => {
        fc.pre(item.kind === "multiple");
        const picked = item.choices.filter((_, i) => pickMask[i]);
        const k = item.choices.filter((choice) => choice.correct).length;
        const w = item.choices.length - k;
        const expected = picked.filter((choice) => choice.correct).length / k - (w === 0 ? 0 : picked.filter((choice) => !choice.correct).length / w);
        expect(scoreItem(item, picked.map((choice) => choice.id))).toBeCloseTo(Math.max(0, expected), 12);
      }),
    );
  });

  it("never rewards adding a wrong choice on a multiple-answer item", () => {
    fc.assert(
      fc.property(itemDefinitionArbitrary, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (item, pickMask) => {
        fc.pre(item.kind === "multiple");
        const wrong = item.choices.find((choice) => !choice.correct);
        fc.pre(wrong !== undefined);
        const selected = item.choices.filter((choice, i) => pickMask[i] && choice.id !== wrong.id).map((choice) => choice.id);
        expect(scoreItem(item, [...selected, wrong.id])).toBeLessThanOrEqual(scoreItem(item, selected));
      }),
    );
  });
});
