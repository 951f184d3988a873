import { describe, expect, it } from "vitest";
import { DEFAULT_QUIZ_POLICY } from "@/lib/quiz/policy";
import { buildGradebook } from "./gradebook";
import { lessonCode, quizCode, tableView } from "./gradebook-view";

describe("the class table's data", () => {
  it("codes each lesson cell's state and flags", () => {
    expect(lessonCode({ state: "complete", completedAt: new Date(), late: true, overdue: false })).toBe("cl");
    expect(lessonCode({ state: "started", completedAt: null, late: false, overdue: true })).toBe("so");
    expect(lessonCode({ state: "not-started", completedAt: null, late: false, overdue: false })).toBe("n");
  });

  it("shows a quiz grade exactly as the CSV writes it", () => {
    expect(quizCode({ grade: 2 / 3, attempts: 2, passed: false, late: true, missing: false, lastSubmittedAt: null })).toEqual(["66.67%", 2, "l"]);
    expect(quizCode({ grade: null, attempts: 0, passed: false, late: false, missing: true, lastSubmittedAt: null })).toEqual([null, 0, "m"]);
  });

  it("labels quizzes by their lesson and formats last activity in the class's zone", () => {
    const book = buildGradebook({
      lessons: [{ slug: "one", title: "One" }],
      quizzes: [
        { id: "q1", title: "Check", lessonSlug: "one", policy: DEFAULT_QUIZ_POLICY, retired: false },
        { id: "old", title: "Old", lessonSlug: "gone", policy: DEFAULT_QUIZ_POLICY, retired: true },
      ],
      dueDates: new Map(),
      members: [{ userId: "u", name: "Ada", email: "ada@example.com", joinedAt: new Date(0), removedAt: null }],
      attempts: [{ userId: "u", quizId: "q1", attemptNumber: 1, score: 1, maxScore: 2, submittedAt: new Date("2026-07-01T12:30:00Z") }],
      progress: [],
      now: new Date("2026-08-01T00:00:00Z"),
    });
    const view = tableView(book, book.students, "Europe/London");
    expect(view.quizzes.map((quiz) => quiz.label)).toEqual(["Quiz L1", "Quiz old"]);
    expect(view.rows[0]).toMatchObject({ name: "Ada", done: 0, progress: 0, lessons: ["n"], quizzes: [["50%", 1, ""], [null, 0, ""]], active: "1 Jul 2026, 13:30" });
  });
});
