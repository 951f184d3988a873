import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateScore, DEFAULT_QUIZ_POLICY } from "@/lib/quiz/policy";
import type { GradingMethod } from "@/lib/quiz/types";
import { buildGradebook, gradingAttempts, percent, quizCell, sortStudents, type GradebookAttempt, type GradebookInput, type GradebookQuiz } from "./gradebook";

const at = (iso: string) => new Date(iso);
const quiz = (id: string, lessonSlug: string, grading: GradingMethod = "highest", passMark = 0.7): GradebookQuiz => ({
  id,
  title: `Quiz ${id}`,
  lessonSlug,
  policy: { ...DEFAULT_QUIZ_POLICY, grading, passMark },
  retired: false,
});
const attempt = (userId: string, quizId: string, attemptNumber: number, score: number, submittedAt: string, maxScore = 4): GradebookAttempt => ({
  userId,
  quizId,
  attemptNumber,
  score,
  maxScore,
  submittedAt: at(submittedAt),
});

function input(overrides: Partial<GradebookInput> = {}): GradebookInput {
  return {
    lessons: [
      { slug: "one", title: "One" },
      { slug: "two", title: "Two" },
    ],
    quizzes: [quiz("q1", "one"), quiz("q2", "two", "last")],
    dueDates: new Map([["one", at("2026-03-01T23:59:00Z")]]),
    members: [
      { userId: "u-bea", name: "Bea", email: "bea@example.com", joinedAt: at("2026-02-01T00:00:00Z"), removedAt: null },
      { userId: "u-al", name: "Al", email: "al@example.com", joinedAt: at("2026-02-01T00:00:00Z"), removedAt: null },
      { userId: "u-cy", name: "Cy", email: "cy@example.com", joinedAt: at("2026-02-01T00:00:00Z"), removedAt: at("2026-02-10T00:00:00Z") },
    ],
    attempts: [],
    progress: [],
    now: at("2026-03-05T00:00:00Z"),
    ...overrides,
  };
}

describe("class gradebook", () => {
  it("grades each quiz under its own grading method, like the quiz itself does", () => {
    const book = buildGradebook(
      input({
        attempts: [
          attempt("u-al", "q1", 1, 4, "2026-02-10T00:00:00Z"),
          attempt("u-al", "q1", 2, 1, "2026-02-11T00:00:00Z"),
          attempt("u-al", "q2", 1, 4, "2026-02-10T00:00:00Z"),
          attempt("u-al", "q2", 2, 1, "2026-02-11T00:00:00Z"),
        ],
      }),
    );
    const al = book.students.find((row) => row.userId === "u-al")!;
    expect(al.quizzes.map((cell) => [cell.grade, cell.attempts, cell.passed])).toEqual([
      [1, 2, true], // highest
      [0.25, 2, false], // last
    ]);
  });

  it("agrees with lib/quiz/policy's aggregate for any attempts and any method", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<GradingMethod>("highest", "first", "last", "average"),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 8 }),
        (grading, scores) => {
          const attempts = scores.map((score, index) => attempt("u", "q", index + 1, score, "2026-01-01T00:00:00Z"));
          const cell = quizCell(quiz("q", "one", grading), attempts, null, at("2026-03-01T00:00:00Z"));
          expect(cell.grade).toBe(aggregateScore(grading, scores.map((score, index) => ({ attemptNumber: index + 1, fraction: score / 4 }))));
          expect(cell.attempts).toBe(scores.length);
        },
      ),
    );
  });

  it("flags late only when the grade rests on an attempt after the due date", () => {
    const due = at("2026-03-01T23:59:00Z");
    const now = at("2026-04-01T00:00:00Z");
    const onTimeThenLateBetter = [attempt("u", "q", 1, 2, "2026-03-01T12:00:00Z"), attempt("u", "q", 2, 4, "2026-03-02T12:00:00Z")];
    const onTimeBestThenLateSame = [attempt("u", "q", 1, 4, "2026-03-01T12:00:00Z"), attempt("u", "q", 2, 4, "2026-03-02T12:00:00Z")];
    expect(quizCell(quiz("q", "one", "highest"), onTimeThenLateBetter, due, now).late).toBe(true);
    expect(quizCell(quiz("q", "one", "highest"), onTimeBestThenLateSame, due, now).late).toBe(false);
    expect(quizCell(quiz("q", "one", "first"), onTimeThenLateBetter, due, now).late).toBe(false);
    expect(quizCell(quiz("q", "one", "last"), onTimeThenLateBetter, due, now).late).toBe(true);
    expect(quizCell(quiz("q", "one", "average"), onTimeBestThenLateSame, due, now).late).toBe(true);
    expect(quizCell(quiz("q", "one", "average"), onTimeThenLateBetter.slice(0, 1), due, now).late).toBe(false);
    expect(quizCell(quiz("q", "one", "highest"), onTimeThenLateBetter, null, now).late).toBe(false);
  });

  it("picks the attempts a grade rests on", () => {
    const attempts = [attempt("u", "q", 1, 3, "2026-01-01T00:00:00Z"), attempt("u", "q", 2, 4, "2026-01-02T00:00:00Z"), attempt("u", "q", 3, 4, "2026-01-03T00:00:00Z")];
    expect(gradingAttempts("highest", attempts).map((a) => a.attemptNumber)).toEqual([2]);
    expect(gradingAttempts("first", attempts).map((a) => a.attemptNumber)).toEqual([1]);
    expect(gradingAttempts("last", attempts).map((a) => a.attemptNumber)).toEqual([3]);
    expect(gradingAttempts("average", attempts).map((a) => a.attemptNumber)).toEqual([1, 2, 3]);
    expect(gradingAttempts("highest", [])).toEqual([]);
  });

  it("marks a quiz missing once its due date passes without an attempt, and only then", () => {
    const due = at("2026-03-01T23:59:00Z");
    expect(quizCell(quiz("q", "one"), [], due, at("2026-03-02T00:00:00Z")).missing).toBe(true);
    expect(quizCell(quiz("q", "one"), [], due, at("2026-03-01T12:00:00Z")).missing).toBe(false);
    expect(quizCell(quiz("q", "one"), [], null, at("2030-01-01T00:00:00Z")).missing).toBe(false);
  });

  it("shows lesson progress with late completions and overdue lessons", () => {
    const book = buildGradebook(
      input({
        progress: [
          { userId: "u-al", lessonSlug: "one", completedAt: at("2026-03-02T10:00:00Z"), lastVisitedAt: at("2026-03-02T10:00:00Z") },
          { userId: "u-al", lessonSlug: "two", completedAt: null, lastVisitedAt: at("2026-03-03T10:00:00Z") },
        ],
      }),
    );
    const [al, bea] = book.students;
    expect(al!.name).toBe("Al");
    expect(al!.lessons.map((cell) => [cell.state, cell.late, cell.overdue])).toEqual([
      ["complete", true, false],
      ["started", false, false],
    ]);
    expect(al!.lessonsCompleted).toBe(1);
    expect(al!.progress).toBe(0.5);
    expect(al!.lastActiveAt).toEqual(at("2026-03-03T10:00:00Z"));
    expect(bea!.lessons.map((cell) => [cell.state, cell.overdue])).toEqual([
      ["not-started", true],
      ["not-started", false],
    ]);
    expect(bea!.lastActiveAt).toBeNull();
  });

  it("keeps removed students, with their grades, apart from the roster", () => {
    const book = buildGradebook(input({ attempts: [attempt("u-cy", "q1", 1, 3, "2026-02-05T00:00:00Z")] }));
    expect(book.students.map((row) => row.name)).toEqual(["Al", "Bea"]);
    expect(book.removed.map((row) => [row.name, row.quizzes[0]!.grade])).toEqual([["Cy", 0.75]]);
  });

  it("ignores attempts and progress of people who are not members", () => {
    const book = buildGradebook(input({ attempts: [attempt("stranger", "q1", 1, 4, "2026-02-05T00:00:00Z")] }));
    expect(book.students.flatMap((row) => row.quizzes.map((cell) => cell.attempts))).toEqual([0, 0, 0, 0]);
  });

  it("sorts by progress, last activity or a quiz's grade, best first, students without a value last", () => {
    const book = buildGradebook(
      input({
        attempts: [attempt("u-bea", "q1", 1, 4, "2026-02-05T00:00:00Z")],
        progress: [{ userId: "u-bea", lessonSlug: "one", completedAt: at("2026-02-05T00:00:00Z"), lastVisitedAt: at("2026-02-05T00:00:00Z") }],
      }),
    );
    expect(sortStudents(book, book.students, "name").map((row) => row.name)).toEqual(["Al", "Bea"]);
    expect(sortStudents(book, book.students, "progress").map((row) => row.name)).toEqual(["Bea", "Al"]);
    expect(sortStudents(book, book.students, "last-active").map((row) => row.name)).toEqual(["Bea", "Al"]);
    expect(sortStudents(book, book.students, "quiz:q1").map((row) => row.name)).toEqual(["Bea", "Al"]);
    expect(sortStudents(book, book.students, "quiz:nope").map((row) => row.name)).toEqual(["Al", "Bea"]);
  });

  it("rounds percentages to two decimals", () => {
    expect(percent(2 / 3)).toBe(66.67);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
  });
});
