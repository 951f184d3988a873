// The class page's table as compact, already formatted data: what the server hands the table component
// (components/classes/gradebook-table.tsx). A class of 500 is 6,000 cells; sent as React elements they
// would be serialised twice (the RSC payload and the HTML), as data they cost a few bytes each.
import { formatMoment } from "./date-format";
import { percent, type ClassGradebook, type LessonCell, type QuizCell, type StudentRow } from "./gradebook";

/** A lesson cell: c complete, s started, n not started; then l (late) and/or o (overdue). */
export type LessonCode = string;
/** A quiz cell: the grade as shown ("66.67%", null before any attempt), attempts, and l (late) or m (missing). */
export type QuizCode = [grade: string | null, attempts: number, flags: string];

type TableRow = { id: string; name: string; email: string; done: number; progress: number; lessons: LessonCode[]; quizzes: QuizCode[]; active: string };
export type TableView = {
  lessons: Array<{ slug: string; title: string }>;
  quizzes: Array<{ id: string; label: string; grading: string; retired: boolean }>;
  rows: TableRow[];
};

export function lessonCode(cell: LessonCell): LessonCode {
  return `${cell.state === "complete" ? "c" : cell.state === "started" ? "s" : "n"}${cell.late ? "l" : ""}${cell.overdue ? "o" : ""}`;
}

export function quizCode(cell: QuizCell): QuizCode {
  return [cell.grade === null ? null : `${percent(cell.grade)}%`, cell.attempts, `${cell.late ? "l" : ""}${cell.missing ? "m" : ""}`];
}

export function tableView(book: ClassGradebook, rows: readonly StudentRow[], timeZone: string): TableView {
  const lessonNumber = new Map(book.lessons.map((lesson, index) => [lesson.slug, index + 1]));
  return {
    lessons: book.lessons.map(({ slug, title }) => ({ slug, title })),
    quizzes: book.quizzes.map((quiz) => {
      const number = lessonNumber.get(quiz.lessonSlug);
      return { id: quiz.id, label: number ? `Quiz L${number}` : `Quiz ${quiz.id}`, grading: quiz.policy.grading, retired: quiz.retired };
    }),
    rows: rows.map((row) => ({
      id: row.userId,
      name: row.name,
      email: row.email,
      done: row.lessonsCompleted,
      progress: percent(row.progress),
      lessons: row.lessons.map(lessonCode),
      quizzes: row.quizzes.map(quizCode),
      active: row.lastActiveAt ? formatMoment(row.lastActiveAt, timeZone) : "never",
    })),
  };
}
