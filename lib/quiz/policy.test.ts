import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeAttempt, type GradedAttempt } from "./grade";
import {
  aggregateScore,
  attemptsLeft,
  canAttempt,
  DEFAULT_QUIZ_POLICY,
  defaultReviewOptions,
  itemDisclosure,
  quizStanding,
  reviewFor,
  type AttemptRecord,
} from "./policy";
import { goodhartQuiz } from "./test-fixtures";
import type { QuizPolicy, QuizResponses } from "./types";

const allWrong: QuizResponses = { "goodhart-variant": ["c-causal"], "gaming-cases": ["m-chess"], "perfect-labels": ["tf-true"] };
const firstRight: QuizResponses = { "goodhart-variant": ["c-regressional"], "gaming-cases": ["m-chess", "m-lego", "m-boat"], "perfect-labels": ["tf-true"] };
const allRight: QuizResponses = { "goodhart-variant": ["c-regressional"], "gaming-cases": ["m-boat", "m-lego"], "perfect-labels": ["tf-false"] };

/** Grades a sequence of submissions and returns the stored attempts plus the latest grade. */
function history(policy: Partial<QuizPolicy>, ...submissions: QuizResponses[]) {
  const definition = goodhartQuiz({ review: defaultReviewOptions(policy.showAnswers ?? "after-submit"), ...policy });
  const grades = submissions.map((responses) => gradeAttempt(definition, responses));
  const attempts: AttemptRecord[] = grades.map((grade, i) => ({ ...grade, attemptNumber: i + 1 }));
  return { definition, attempts, latest: grades[grades.length - 1] as GradedAttempt };
}

describe("attempt limits", () => {
  it("counts down to zero and never below", () => {
    const policy = { ...DEFAULT_QUIZ_POLICY, maxAttempts: 3 };
    expect([0, 1, 2, 3, 4].map((n) => attemptsLeft(policy, n))).toEqual([3, 2, 1, 0, 0]);
    expect([0, 2, 3].map((n) => canAttempt(policy, n))).toEqual([true, true, false]);
  });

  it("is unlimited with maxAttempts null", () => {
    const policy = { ...DEFAULT_QUIZ_POLICY, maxAttempts: null };
    expect(attemptsLeft(policy, 1000)).toBeNull();
    expect(canAttempt(policy, 1000)).toBe(true);
  });

  it("documents the course defaults from docs/authoring.md: 3 attempts, answers after the last, shuffled", () => {
    expect(DEFAULT_QUIZ_POLICY).toEqual({
      maxAttempts: 3,
      showAnswers: "after-last-attempt",
      review: { correctness: "after-submit", marks: "after-submit", specificFeedback: "after-submit", generalFeedback: "after-last-attempt" },
      grading: "highest",
      shuffle: true,
      passMark: 0.7,
    });
    expect(DEFAULT_QUIZ_POLICY.review).toEqual(defaultReviewOptions(DEFAULT_QUIZ_POLICY.showAnswers));
  });
});

describe("aggregateScore", () => {
  // Given out of order on purpose: the attempt number, not the array order, decides first and last.
  const attempts = [
    { attemptNumber: 2, fraction: 0.9 },
    { attemptNumber: 3, fraction: 0.3 },
    { attemptNumber: 1, fraction: 0.6 },
  ];

  it.each([
    ["highest", 0.9],
    ["first", 0.6],
    ["last", 0.3],
    ["average", 0.6],
  ] as const)("%s → %d", (grading, expected) => {
    expect(aggregateScore(grading, attempts)).toBeCloseTo(expected, 12);
  });

  it("is null before any attempt", () => {
    expect(aggregateScore("highest", [])).toBeNull();
  });

  it("always lies between the lowest and highest attempt", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("highest" as const, "first" as const, "last" as const, "average" as const),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (grading, fractions) => {
          const grade = aggregateScore(grading, fractions.map((fraction, i) => ({ attemptNumber: i + 1, fraction })))!;
          expect(grade).toBeGreaterThanOrEqual(Math.min(...fractions) - 1e-12);
          expect(grade).toBeLessThanOrEqual(Math.max(...fractions) + 1e-12);
        },
      ),
    );
  });
});

describe("quizStanding: passed and complete", () => {
  it("passes and completes the lesson when the grade reaches the pass mark", () => {
    const { attempts } = history({}, allWrong, allRight);
    expect(quizStanding(goodhartQuiz().policy, attempts)).toEqual({
      attemptsUsed: 2,
      attemptsLeft: 1,
      canAttempt: true,
      grade: 1,
      passed: true,
      completesLesson: true,
    });
  });

  it("follows the grading method: with average, one passing attempt may not be enough", () => {
    const { attempts, definition } = history({ grading: "average" }, allWrong, allRight);
    expect(quizStanding(definition.policy, attempts)).toMatchObject({ grade: 0.5, passed: false, completesLesson: false });
  });

  it("has no grade before the first attempt", () => {
    expect(quizStanding(DEFAULT_QUIZ_POLICY, [])).toMatchObject({ attemptsUsed: 0, grade: null, passed: false, canAttempt: true });
  });

  it("does not hand out extra attempts when attempt numbers have gaps", () => {
    const standing = quizStanding({ ...DEFAULT_QUIZ_POLICY, maxAttempts: 3 }, [{ attemptNumber: 3, fraction: 0 }]);
    expect(standing).toMatchObject({ attemptsUsed: 3, attemptsLeft: 0, canAttempt: false });
  });
});

describe("reviewFor", () => {
  it("after-submit shows correctness, feedback of the selected choices, the key and the explanation", () => {
    const { definition, attempts, latest } = history({ showAnswers: "after-submit" }, firstRight);
    const review = reviewFor(definition, attempts, latest);
    expect(review.answersShown).toBe("all");
    expect(review).toMatchObject({ score: 1.5, maxScore: 3, passed: false, standing: { attemptsLeft: 2 } });
    const [variant, gaming, labels] = review.items;
    expect(variant).toMatchObject({
      correct: true,
      feedback: [{ choiceId: "c-regressional", html: "<p>Yes: selecting on a noisy proxy also selects for the noise.</p>" }],
      correctChoiceIds: ["c-regressional"],
    });
    expect(variant?.explanation).toContain("Regressional Goodhart");
    expect(gaming).toMatchObject({
      score: 0.5,
      correct: false,
      selectedChoiceIds: ["m-boat", "m-lego", "m-chess"],
      feedback: [
        { choiceId: "m-lego", html: "<p>Right: the stacking agent flipped the red block to raise its bottom face.</p>" },
        { choiceId: "m-chess", html: "<p>No: this engine simply won its games within the rules of chess.</p>" },
      ],
      correctChoiceIds: ["m-boat", "m-lego"],
    });
    expect(labels).toMatchObject({ correct: false, feedback: [{ choiceId: "tf-true" }], correctChoiceIds: ["tf-false"] });
  });

  it("never: correctness only, no feedback, no key, no explanation, even on the last attempt (feedback follows unless set)", () => {
    const { definition, attempts, latest } = history({ showAnswers: "never", maxAttempts: 1 }, firstRight);
    const review = reviewFor(definition, attempts, latest);
    expect(review.answersShown).toBe("none");
    expect(review.items.map((item) => [item.correct, item.feedback, item.correctChoiceIds, item.explanation])).toEqual([
      [true, [], null, null],
      [false, [], null, null],
      [false, [], null, null],
    ]);
    expect(JSON.stringify(review)).not.toMatch(/Regressional Goodhart is|noisy proxy/);
  });

  it("after-last-attempt: hidden while attempts remain, shown when they run out", () => {
    const policy = { showAnswers: "after-last-attempt" as const, maxAttempts: 2 };
    const first = history(policy, allWrong);
    const firstReview = reviewFor(first.definition, first.attempts, first.latest);
    expect(firstReview.answersShown).toBe("none");
    expect(firstReview.items[0]?.feedback).toEqual([{ choiceId: "c-causal", html: expect.stringContaining("Not causal") }]);
    expect(firstReview.items.every((item) => item.correctChoiceIds === null && item.explanation === null)).toBe(true);
    // Multiple-answer and true/false feedback would name the right choices: it waits for the answer (#12 item 3).
    expect(firstReview.items[1]?.feedback).toEqual([]);
    expect(firstReview.items[2]?.feedback).toEqual([]);

    const second = history(policy, allWrong, firstRight);
    const secondReview = reviewFor(second.definition, second.attempts, second.latest);
    expect(secondReview.answersShown).toBe("all");
    expect(secondReview.items[2]?.explanation).toContain("Fitting the training data");
  });

  it("after-last-attempt with unlimited attempts: shown only once the learner has passed", () => {
    const failing = history({ showAnswers: "after-last-attempt", maxAttempts: null }, allWrong, firstRight);
    expect(reviewFor(failing.definition, failing.attempts, failing.latest).answersShown).toBe("none");
    const passing = history({ showAnswers: "after-last-attempt", maxAttempts: null }, allWrong, allRight);
    expect(reviewFor(passing.definition, passing.attempts, passing.latest).answersShown).toBe("all");
  });

  it("after-correct: per item, once that item was fully correct in some attempt", () => {
    // Attempt 1 gets only goodhart-variant right; attempt 2 gets perfect-labels right but goodhart-variant wrong.
    const secondTry = { "goodhart-variant": ["c-causal"], "gaming-cases": ["m-boat"], "perfect-labels": ["tf-false"] };
    const { definition, attempts, latest } = history({ showAnswers: "after-correct" }, firstRight, secondTry);
    const review = reviewFor(definition, attempts, latest);
    expect(review.answersShown).toBe("some");
    expect(review.items.map((item) => [item.itemId, item.correct, item.answerShown])).toEqual([
      ["goodhart-variant", false, true], // right in attempt 1
      ["gaming-cases", false, false], // half marks is not correct
      ["perfect-labels", true, true],
    ]);
    expect(review.items[1]).toMatchObject({ correctChoiceIds: null, explanation: null });
  });

  it("after-correct counts the latest grade even when attempts omit it", () => {
    const { definition, latest } = history({ showAnswers: "after-correct" }, allRight);
    expect(reviewFor(definition, [], latest).answersShown).toBe("all");
  });

  it("select-all on a first attempt under after-last-attempt learns nothing about which choices are right (#12 item 3)", () => {
    const selectAll = { "gaming-cases": ["m-boat", "m-lego", "m-chess", "m-weather"], "perfect-labels": ["tf-true"] };
    const { definition, attempts, latest } = history({ showAnswers: "after-last-attempt", maxAttempts: 3 }, selectAll);
    const review = reviewFor(definition, attempts, latest);
    const [, gaming, labels] = review.items;
    expect(gaming).toMatchObject({ score: 0, correct: false, feedback: [], correctChoiceIds: null, explanation: null });
    expect(labels).toMatchObject({ correct: false, feedback: [], correctChoiceIds: null, explanation: null });
    expect(JSON.stringify(review)).not.toMatch(/Right: the stacking|No: this engine|many functions fit/);
  });

  it("keeps the review options separate: each piece shows on its own schedule", () => {
    const policy: Partial<QuizPolicy> = {
      showAnswers: "after-last-attempt",
      maxAttempts: 2,
      review: { correctness: "never", marks: "after-last-attempt", specificFeedback: "after-submit", generalFeedback: "after-submit" },
    };
    const first = history(policy, firstRight);
    const review = reviewFor(first.definition, first.attempts, first.latest);
    expect(review).toMatchObject({ score: null, fraction: null, standing: { grade: null } });
    expect(review.items.map((item) => [item.correct, item.score, item.correctChoiceIds, item.feedback.length, Boolean(item.explanation)])).toEqual([
      // Single-answer feedback would tell whether the pick was right, which correctness "never" withholds.
      [null, null, null, 0, true],
      [null, null, null, 0, true],
      [null, null, null, 0, true],
    ]);
    const last = history(policy, firstRight, allWrong);
    const lastReview = reviewFor(last.definition, last.attempts, last.latest);
    expect(lastReview.score).toBe(0);
    expect(lastReview.items.every((item) => item.correct === null && item.correctChoiceIds !== null)).toBe(true);
    expect(lastReview.items[1]?.feedback).toEqual([{ choiceId: "m-chess", html: expect.stringContaining("No: this engine") }]);
  });

  it("never shows specific feedback on a multiple-answer or true/false item before the right answer, whatever the options", () => {
    const whens = ["after-submit", "after-last-attempt", "after-correct", "never"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...whens),
        fc.constantFrom(...whens),
        fc.constantFrom("multiple" as const, "truefalse" as const, "single" as const),
        fc.record({ attemptsLeft: fc.option(fc.nat(3), { nil: null }), passed: fc.boolean() }),
        fc.boolean(),
        (showAnswers, specificFeedback, kind, standing, everCorrect) => {
          const policy = { ...DEFAULT_QUIZ_POLICY, showAnswers, review: { ...DEFAULT_QUIZ_POLICY.review, specificFeedback } };
          const shown = itemDisclosure(policy, kind, standing, everCorrect);
          if (shown.specificFeedback) expect(kind === "single" ? shown.correctness || shown.rightAnswer : shown.rightAnswer).toBe(true);
        },
      ),
    );
  });

  it("refuses a grade from another quiz version", () => {
    const { definition, attempts, latest } = history({}, allRight);
    expect(() => reviewFor({ ...definition, version: "v2" }, attempts, latest)).toThrow(/does not match/);
  });
});
