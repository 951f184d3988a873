// The class gradebook as CSV, in three layouts (docs/teaching.md documents each column):
//  - spreadsheet: Student, Email, one column per quiz, lessons completed, progress, last active;
//  - moodle: for Grades → Import → CSV file. Moodle asks which column identifies users (map "Email address"
//    to "Email address") and what each grade column becomes; a new grade item's maximum is 100, and "-"
//    means "no grade" (an empty cell would import as nothing or as 0 depending on the item);
//  - canvas: for Gradebook → Import. Canvas reads Student, ID, SIS User ID, SIS Login ID and Section
//    before the assignment columns and matches students by ID, then SIS Login ID (we put the email there),
//    then name; the "Points Possible" row makes each new assignment worth 100 points.
// Grades are percentages (0–100, two decimals), the same numbers the class page shows. Every file is RFC
// 4180 (CRLF, quotes doubled) with a UTF-8 byte-order mark, which Excel needs to read names in UTF-8 and
// both importers strip. Only current students are exported; removed ones stay on the class page.
import { csvCell } from "@/lib/analytics/csv";
import { percent, type ClassGradebook, type GradebookQuiz, type StudentRow } from "./gradebook";

export const CSV_FORMATS = ["spreadsheet", "moodle", "canvas"] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

const BOM = "\uFEFF";
export const PROGRESS_HEADER = "Course progress (%)";

/** A cell written as it is (numbers, Moodle's "-"), as opposed to text, which csvCell guards against formulas. */
type Cell = { raw: string } | string | number | null;

function cell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return csvCell(value);
  return value.raw;
}

function document(rows: Cell[][]): string {
  return BOM + rows.map((row) => row.map(cell).join(",") + "\r\n").join("");
}

/** A quiz's column: its title and id (titles repeat across lessons, ids never do). */
function quizHeader(quiz: GradebookQuiz): string {
  return `${quiz.title} [${quiz.id}]${quiz.retired ? " (retired)" : ""}`;
}

const grade = (value: number | null) => (value === null ? null : percent(value));

export function gradebookCsv(book: ClassGradebook, format: CsvFormat, section: string): string {
  const quizHeaders = book.quizzes.map(quizHeader);
  const grades = (row: StudentRow) => row.quizzes.map((quizCell) => grade(quizCell.grade));
  switch (format) {
    case "spreadsheet":
      return document([
        ["Student", "Email", ...quizHeaders.map((header) => `${header} (%)`), "Lessons completed", PROGRESS_HEADER, "Last active (UTC)"],
        ...book.students.map((row) => [row.name, row.email, ...grades(row), row.lessonsCompleted, percent(row.progress), row.lastActiveAt?.toISOString() ?? null]),
      ]);
    case "moodle":
      return document([
        ["Email address", "Full name", ...quizHeaders, PROGRESS_HEADER],
        ...book.students.map((row) => [row.email, row.name, ...grades(row).map((value) => value ?? { raw: "-" }), percent(row.progress)]),
      ]);
    case "canvas":
      return document([
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ...quizHeaders, PROGRESS_HEADER],
        ["Points Possible", null, null, null, null, ...quizHeaders.map(() => 100), 100],
        ...book.students.map((row) => [row.name, null, null, row.email, section, ...grades(row), percent(row.progress)]),
      ]);
  }
}

/** A file name from the class name: letters, digits and hyphens only. */
export function gradebookFileName(className: string, format: CsvFormat): string {
  const base = className
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${base || "class"}-gradebook-${format}.csv`;
}
