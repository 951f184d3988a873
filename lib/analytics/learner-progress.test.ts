import { describe, expect, it } from "vitest";
import { statsAttempts, statsQuiz } from "./analytics-fixture";
import { attemptFraction, gradebook, learnerProgress } from "./learner-progress";

// Fractions from the fixture's table (total / 3): u1 [1]; u2 [0.5, 1]; u3 [0.5]; u4 [1/3, 1/3]; u5 [0.5].
describe("learnerProgress", () => {
  it("builds one row per learner with the policy's grade", () => {
    const rows = learnerProgress(statsQuiz.policy, statsAttempts);
    expect(rows.map((row) => row.userId)).toEqual(["u1", "u2", "u3", "u4", "u5"]);
    expect(rows[1]).toEqual({
      userId: "u2",
      attempts: 2,
      firstFraction: 0.5,
      bestFraction: 1,
      lastFraction: 1,
      grade: 1, // highest
      passed: true,
      attemptsLeft: 1,
      lastSubmittedAt: new Date("2025-01-04T08:00:00Z"),
    });
    expect(rows.map((row) => row.passed)).toEqual([true, true, false, false, false]);
    expect(rows[3]!.grade).toBeCloseTo(1 / 3, 12);
  });

  it("uses the grading method of the policy", () => {
    const rows = learnerProgress({ ...statsQuiz.policy, grading: "first" }, statsAttempts);
    expect(rows[1]).toMatchObject({ grade: 0.5, passed: false });
    const averaged = learnerProgress({ ...statsQuiz.policy, grading: "average" }, statsAttempts);
    expect(averaged[1]!.grade).toBeCloseTo(0.75, 12);
  });

  it("attemptFraction is the total over the number of items", () => {
    expect(attemptFraction({ items: [{ itemId: "a", score: 0.5, selectedChoiceIds: [] }, { itemId: "b", score: 1, selectedChoiceIds: [] }] })).toBe(0.75);
    expect(attemptFraction({ items: [] })).toBe(0);
  });
});

describe("gradebook", () => {
  it("puts a learner's grade per quiz in columns, null where not attempted", () => {
    const other = { quizId: "other", policy: statsQuiz.policy, attempts: statsAttempts.filter((a) => a.userId === "u1" || a.userId === "u6") };
    const extra = [...other.attempts, { userId: "u6", attemptNumber: 1, items: [{ itemId: "A", score: 0, selectedChoiceIds: [] }] }];
    const book = gradebook([{ quizId: "stats-quiz", policy: statsQuiz.policy, attempts: statsAttempts }, { ...other, attempts: extra }]);
    expect(book.quizIds).toEqual(["stats-quiz", "other"]);
    expect(book.rows.map((row) => [row.userId, row.grades, row.passedCount])).toEqual([
      ["u1", [1, 1], 2],
      ["u2", [1, null], 1],
      ["u3", [0.5, null], 0],
      ["u4", [1 / 3, null], 0],
      ["u5", [0.5, null], 0],
      ["u6", [null, 0], 0],
    ]);
  });
});
