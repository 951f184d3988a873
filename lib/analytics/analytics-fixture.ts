// A small hand-checkable quiz and its attempts, shared by the analytics tests. Not used by application code.

import { gradeAttempt } from "@/lib/quiz/grade";
import type { QuizDefinition, QuizResponses } from "@/lib/quiz/types";
import type { AttemptForStats } from "./quiz-stats";

const choice = (id: string, correct: boolean) => ({ id, labelHtml: id, correct, feedbackHtml: null });

export const statsQuiz: QuizDefinition = {
  id: "stats-quiz",
  version: "v1",
  title: "Stats",
  courseSlug: "course",
  lessonSlug: "lesson",
  policy: { maxAttempts: 3, showAnswers: "after-submit", review: { correctness: "after-submit", marks: "after-submit", specificFeedback: "after-submit", generalFeedback: "after-submit" }, grading: "highest", shuffle: false, passMark: 0.7 },
  items: [
    { id: "A", kind: "single", promptHtml: "A", explanationHtml: null, choices: [choice("a1", true), choice("a2", false), choice("a3", false)] },
    {
      id: "B",
      kind: "multiple",
      promptHtml: "B",
      explanationHtml: null,
      choices: [choice("b1", true), choice("b2", true), choice("b3", false), choice("b4", false)],
    },
    { id: "C", kind: "truefalse", promptHtml: "C", explanationHtml: null, choices: [choice("c-true", false), choice("c-false", true)] },
  ],
};

/**
 * Responses and the scores gradeAttempt gives them (B: ±1/2 per choice, clamped at 0):
 *
 *   user attempt | A          | B                  | C             | total
 *   u1   1       | a1    → 1  | b1 b2     → 1      | c-false → 1   | 3
 *   u2   1       | a1    → 1  | b1        → 0.5    | c-true  → 0   | 1.5
 *   u3   1       | a2    → 0  | b2        → 0.5    | c-false → 1   | 1.5
 *   u4   1       | –     → 0  | b3        → 0      | c-false → 1   | 1
 *   u5   1       | a1    → 1  | b1 b2 b3  → 0.5    | c-true  → 0   | 1.5
 *   u2   2       | a1    → 1  | b1 b2     → 1      | c-false → 1   | 3
 *   u4   2       | a3    → 0  | –         → 0      | c-false → 1   | 1
 */
const responses: Array<[string, number, QuizResponses, string]> = [
  ["u1", 1, { A: ["a1"], B: ["b1", "b2"], C: ["c-false"] }, "2025-01-01T10:00:00Z"],
  ["u2", 1, { A: ["a1"], B: ["b1"], C: ["c-true"] }, "2025-01-01T11:00:00Z"],
  ["u3", 1, { A: ["a2"], B: ["b2"], C: ["c-false"] }, "2025-01-02T09:00:00Z"],
  ["u4", 1, { B: ["b3"], C: ["c-false"] }, "2025-01-02T10:00:00Z"],
  ["u5", 1, { A: ["a1"], B: ["b1", "b2", "b3"], C: ["c-true"] }, "2025-01-03T08:00:00Z"],
  ["u2", 2, { A: ["a1"], B: ["b1", "b2"], C: ["c-false"] }, "2025-01-04T08:00:00Z"],
  ["u4", 2, { A: ["a3"], C: ["c-false"] }, "2025-01-05T08:00:00Z"],
];

export const statsAttempts: AttemptForStats[] = responses.map(([userId, attemptNumber, given, submittedAt]) => ({
  userId,
  attemptNumber,
  submittedAt,
  items: gradeAttempt(statsQuiz, given).items.map(({ itemId, score, selectedChoiceIds }) => ({ itemId, score, selectedChoiceIds })),
}));
