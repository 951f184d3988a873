// CSV export: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled),
// and safe to open in a spreadsheet: a text cell that starts with = + - @ (or a tab or CR, per OWASP's CSV
// injection guidance) gets a leading ' so it is read as text rather than run as a formula.
// Numbers are written as numbers, so a negative discrimination index stays a number.

import type { Gradebook, LearnerProgressRow } from "./learner-progress";

export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to a CSV document: CRLF between records and after the last one. */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/** Rounds a 0..1 fraction to a percentage with at most two decimals, for people reading a spreadsheet. */
function percent(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 10_000) / 100;
}

/** The learner progress table of one quiz. `label` maps a user id to a display name or email. */
export function learnerProgressCsv(rows: readonly LearnerProgressRow[], label: (userId: string) => string = (id) => id): string {
  return toCsv([
    ["learner", "attempts", "first %", "best %", "last %", "grade %", "passed", "attempts left", "last submitted"],
    ...rows.map((row) => [
      label(row.userId),
      row.attempts,
      percent(row.firstFraction),
      percent(row.bestFraction),
      percent(row.lastFraction),
      percent(row.grade),
      row.passed,
      row.attemptsLeft ?? "unlimited",
      row.lastSubmittedAt,
    ]),
  ]);
}

/** The course gradebook: one column per quiz (grade %), blank where a learner never attempted it. */
export function gradebookCsv(book: Gradebook, label: (userId: string) => string = (id) => id): string {
  return toCsv([
    ["learner", ...book.quizIds.map((id) => `${id} %`), "quizzes passed"],
    ...book.rows.map((row) => [label(row.userId), ...row.grades.map(percent), row.passedCount]),
  ]);
}
