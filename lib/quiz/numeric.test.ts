// Numeric items through grading, the policies and the leak scan (issue #15, "a numeric item type").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeQuizStats } from "@/lib/analytics/quiz-stats";
import { restorableDraft } from "./draft";
import { gradeAttempt, isResponseValidationError, validateResponses } from "./grade";
import { collectSecrets, scanText } from "./leak-scan";
import { defaultReviewOptions, reviewFor, type AttemptRecord } from "./policy";
import { toPublicQuiz } from "./public-view";
import { goodhartQuiz } from "./test-fixtures";
import type { QuizDefinition, QuizPolicy } from "./types";

function numericQuiz(policy: Partial<QuizPolicy> = {}): QuizDefinition {
  const base = goodhartQuiz({ review: defaultReviewOptions(policy.showAnswers ?? "after-last-attempt"), showAnswers: "after-last-attempt", maxAttempts: 2, ...policy });
  return {
    ...base,
    items: [
      {
        id: "padded-risk",
        kind: "numeric",
        promptHtml: "What is the padded risk at ŝ = 0?",
        choices: [],
        units: "",
        explanationHtml: "<p>EXPLANATION-NUMERIC: six of ten exceed 0, so (6 + 1)/10.</p>",
        numericKey: { answer: "0.7", tolerance: { kind: "absolute", value: "0.005" }, feedbackCorrectHtml: "FEEDBACK-NUMERIC-CORRECT: counted right.", feedbackIncorrectHtml: "FEEDBACK-NUMERIC-INCORRECT: count again." },
      },
    ],
  };
}

const grade = (quiz: QuizDefinition, typed: string) => gradeAttempt(quiz, { "padded-risk": [typed] });

describe("numeric items: grading", () => {
  it("accepts the answer and the tolerance edges as typed, however written, and nothing beyond", () => {
    const quiz = numericQuiz();
    for (const typed of ["0.7", "0.695", "0.705", "7e-1", "+0.70", ".7"]) expect(grade(quiz, typed).items[0], typed).toMatchObject({ score: 1, correct: true, response: typed });
    for (const typed of ["0.6949", "0.7051", "-0.7", "7"]) expect(grade(quiz, typed).items[0]!.score, typed).toBe(0);
    expect(gradeAttempt(quiz, {}).items[0]).toMatchObject({ score: 0, answered: false });
  });

  it("refuses anything but a locale-free decimal with a 400-ready issue naming the field", () => {
    for (const typed of ["0,7", "0.7 ", "seven", "Infinity", "NaN", "0x1", "1e99999"]) {
      try {
        grade(numericQuiz(), typed);
        expect.unreachable(typed);
      } catch (error) {
        expect(isResponseValidationError(error)).toBe(true);
        if (isResponseValidationError(error)) expect(error.issues[0]).toMatchObject({ code: "invalid-number", field: "responses.padded-risk" });
      }
    }
    expect(validateResponses(numericQuiz(), { "padded-risk": ["0.7", "0.8"] })[0]!.code).toBe("too-many-choices");
    // A draft may hold a number being typed.
    expect(validateResponses(numericQuiz(), { "padded-risk": ["0."] }, { draft: true })).toEqual([]);
    expect(restorableDraft(numericQuiz(), { "padded-risk": ["-"] })).toEqual({ "padded-risk": ["-"] });
  });

  it("scores 1 exactly on [answer − t, answer + t] for any decimal typed (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (thousandths) => {
        const typed = (thousandths / 1000).toFixed(3);
        const inside = Math.abs(thousandths - 700) <= 5;
        expect(grade(numericQuiz(), typed).items[0]!.score).toBe(inside ? 1 : 0);
      }),
    );
  });
});

describe("numeric items: policies", () => {
  const review = (quiz: QuizDefinition, ...typed: string[]) => {
    const grades = typed.map((text) => grade(quiz, text));
    const attempts: AttemptRecord[] = grades.map((graded, index) => ({ ...graded, attemptNumber: index + 1 }));
    return reviewFor(quiz, attempts, grades.at(-1)!).items[0]!;
  };

  it("after-last-attempt: correctness and the feedback on the answer given, no right answer or explanation until the end", () => {
    const first = review(numericQuiz(), "0.6");
    expect(first).toMatchObject({ correct: false, response: "0.6", numericAnswer: null, explanation: null, feedback: [{ choiceId: "incorrect", html: "FEEDBACK-NUMERIC-INCORRECT: count again." }] });
    const last = review(numericQuiz(), "0.6", "0.8");
    expect(last).toMatchObject({ numericAnswer: "0.7 ± 0.005", explanation: expect.stringContaining("EXPLANATION-NUMERIC") });
  });

  it("never with hidden correctness: nothing about the key at all", () => {
    const quiz = numericQuiz({ showAnswers: "never", maxAttempts: 1, review: { correctness: "never", marks: "never", specificFeedback: "after-submit", generalFeedback: "never" } });
    const item = review(quiz, "0.7");
    expect(item).toMatchObject({ correct: null, score: null, feedback: [], numericAnswer: null, explanation: null });
  });
});

describe("numeric items: leak scan and analytics", () => {
  it("ships no key, and the scanner looks for its feedback and its key fields", () => {
    const quiz = numericQuiz();
    const page = JSON.stringify(toPublicQuiz(quiz));
    const { secrets } = collectSecrets([quiz]);
    expect(secrets.map((secret) => secret.choiceId)).toEqual(expect.arrayContaining(["numeric: correct", "numeric: incorrect"]));
    expect(scanText("page", page, secrets)).toEqual([]);
    expect(scanText("leaky", JSON.stringify(quiz), secrets).map((leak) => (leak.type === "secret" ? leak.choiceId : leak.pattern))).toEqual(
      expect.arrayContaining(["numeric: correct", "numeric: incorrect", '"numericKey"']),
    );
  });

  it("gives facility and discrimination, and a distribution of answers instead of choice frequencies", () => {
    const quiz = numericQuiz();
    const attempt = (userId: string, typed: string) => ({ userId, attemptNumber: 1, items: grade(quiz, typed).items });
    const stats = computeQuizStats(quiz, [attempt("a", "0.7"), attempt("b", "7e-1"), attempt("c", "0.6"), attempt("d", "0.70")]);
    expect(stats.items[0]).toMatchObject({ kind: "numeric", facilityIndex: 0.75, answers: [{ value: "0.7", count: 3, correct: true, frequency: 0.75 }, { value: "0.6", count: 1, correct: false }], otherAnswers: 0 });
  });
});
