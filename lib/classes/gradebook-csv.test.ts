import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEFAULT_QUIZ_POLICY } from "@/lib/quiz/policy";
import { buildGradebook, type GradebookInput } from "./gradebook";
import { gradebookCsv, gradebookFileName, PROGRESS_HEADER } from "./gradebook-csv";

const at = (iso: string) => new Date(iso);
const book = buildGradebook({
  lessons: [
    { slug: "one", title: "One" },
    { slug: "two", title: "Two" },
    { slug: "three", title: "Three" },
  ],
  quizzes: [
    { id: "l1-check", title: "Check your understanding", lessonSlug: "one", policy: DEFAULT_QUIZ_POLICY, retired: false },
    { id: "l2-check", title: "Check your understanding", lessonSlug: "two", policy: { ...DEFAULT_QUIZ_POLICY, grading: "average" }, retired: false },
    { id: "old-quiz", title: "Old, \"retired\" quiz", lessonSlug: "gone", policy: DEFAULT_QUIZ_POLICY, retired: true },
  ],
  dueDates: new Map(),
  members: [
    { userId: "a", name: "Ada Lovelace", email: "ada@example.com", joinedAt: at("2026-01-01T00:00:00Z"), removedAt: null },
    { userId: "b", name: "=HYPERLINK(\"http://evil\")", email: "mallory@example.com", joinedAt: at("2026-01-01T00:00:00Z"), removedAt: null },
    { userId: "c", name: "Zoë \"Zed\" Ng,\nJr.", email: "zoe@example.com", joinedAt: at("2026-01-01T00:00:00Z"), removedAt: null },
    { userId: "d", name: "Removed Student", email: "gone@example.com", joinedAt: at("2026-01-01T00:00:00Z"), removedAt: at("2026-01-05T00:00:00Z") },
  ],
  attempts: [
    { userId: "a", quizId: "l1-check", attemptNumber: 1, score: 2, maxScore: 3, submittedAt: at("2026-01-02T00:00:00Z") },
    { userId: "a", quizId: "l2-check", attemptNumber: 1, score: 1, maxScore: 4, submittedAt: at("2026-01-02T00:00:00Z") },
    { userId: "a", quizId: "l2-check", attemptNumber: 2, score: 4, maxScore: 4, submittedAt: at("2026-01-03T00:00:00Z") },
    { userId: "c", quizId: "old-quiz", attemptNumber: 1, score: 1, maxScore: 1, submittedAt: at("2026-01-02T00:00:00Z") },
    { userId: "d", quizId: "l1-check", attemptNumber: 1, score: 3, maxScore: 3, submittedAt: at("2026-01-02T00:00:00Z") },
  ],
  progress: [{ userId: "a", lessonSlug: "one", completedAt: at("2026-01-02T00:00:00Z"), lastVisitedAt: at("2026-01-03T00:00:00Z") }],
  now: at("2026-02-01T00:00:00Z"),
} satisfies GradebookInput);

const read = (text: string) => parse(text, { bom: true, relax_column_count: false });
const rowWith = (rows: string[][], value: string) => rows.find((row) => row.includes(value))!;

describe("gradebook CSV", () => {
  it("is RFC 4180 with a byte-order mark, CRLF line ends and one record per current student", () => {
    for (const format of ["spreadsheet", "moodle", "canvas"] as const) {
      const text = gradebookCsv(book, format, "Seminar A");
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      const rows = read(text);
      const header = rows[0]!;
      expect(rows.every((row) => row.length === header.length)).toBe(true);
      expect(rows.flat().some((value) => value.includes("Removed Student"))).toBe(false);
    }
  });

  it("spreadsheet: one column per quiz plus progress, values as the page shows them", () => {
    const rows = read(gradebookCsv(book, "spreadsheet", "Seminar A"));
    expect(rows[0]).toEqual([
      "Student",
      "Email",
      "Check your understanding [l1-check] (%)",
      "Check your understanding [l2-check] (%)",
      'Old, "retired" quiz [old-quiz] (retired) (%)',
      "Lessons completed",
      PROGRESS_HEADER,
      "Last active (UTC)",
    ]);
    expect(rowWith(rows, "ada@example.com")).toEqual(["Ada Lovelace", "ada@example.com", "66.67", "62.5", "", "1", "33.33", "2026-01-03T00:00:00.000Z"]);
    expect(rowWith(rows, "zoe@example.com")).toEqual(["Zoë \"Zed\" Ng,\nJr.", "zoe@example.com", "", "", "100", "0", "0", "2026-01-02T00:00:00.000Z"]);
  });

  it("never lets a name run as a spreadsheet formula", () => {
    const rows = read(gradebookCsv(book, "spreadsheet", "Seminar A"));
    expect(rowWith(rows, "mallory@example.com")[0]).toBe("'=HYPERLINK(\"http://evil\")");
  });

  it("moodle: email first, '-' for no grade, every grade a number Moodle accepts for a 100-point item", () => {
    const rows = read(gradebookCsv(book, "moodle", "Seminar A"));
    expect(rows[0]!.slice(0, 2)).toEqual(["Email address", "Full name"]);
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^[^@\s]+@[^@\s]+$/);
      for (const value of row.slice(2)) {
        // Moodle's unformat_float accepts these; "-" is its "no grade"; new grade items max out at 100.
        expect(value === "-" || (/^\d+(\.\d+)?$/.test(value) && Number(value) <= 100)).toBe(true);
      }
    }
    expect(rowWith(rows, "ada@example.com")).toEqual(["ada@example.com", "Ada Lovelace", "66.67", "62.5", "-", "33.33"]);
  });

  it("canvas: the header Canvas's importer requires, a Points Possible row, email as SIS Login ID", () => {
    const rows = read(gradebookCsv(book, "canvas", "Seminar A"));
    const header = rows[0]!;
    // canvas-lms GradebookImporter: row[0] includes "Student", row[1] "ID", then SIS User ID and SIS Login ID,
    // and the last student column includes "Section"; assignment columns follow.
    expect(header[0]).toContain("Student");
    expect(header[1]).toContain("ID");
    expect(header[2]).toMatch(/SIS\s+User\s+ID/);
    expect(header[3]).toMatch(/SIS\s+Login\s+ID/);
    expect(header[4]).toContain("Section");
    // Canvas reads "Title (123)" as assignment 123: our headers must never look like that.
    for (const title of header.slice(5)) expect(title).not.toMatch(/\s\(\d+\)$/);
    expect(rows[1]).toEqual(["Points Possible", "", "", "", "", "100", "100", "100", "100"]);
    expect(rowWith(rows, "ada@example.com")).toEqual(["Ada Lovelace", "", "", "ada@example.com", "Seminar A", "66.67", "62.5", "", "33.33"]);
  });

  it("names the file after the class, safely", () => {
    expect(gradebookFileName("Seminar A: Spring '26", "canvas")).toBe("seminar-a-spring-26-gradebook-canvas.csv");
    expect(gradebookFileName("../../etc", "moodle")).toBe("etc-gradebook-moodle.csv");
    expect(gradebookFileName("日本語", "spreadsheet")).toBe("class-gradebook-spreadsheet.csv");
  });
});
