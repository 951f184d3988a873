// The class page's table: one row per student, a column per lesson (progress) and per quiz (the grade under
// the quiz's policy, attempts, late/missing), with progress and last activity. Server-rendered and lean: a
// class of 500 is 6,000 cells, so cells carry no classes or wrappers (gradebook-table.module.css styles them
// from the table), flags are words (never colour alone), and selection is one checkbox per row handled by a
// single client component (roster-form.tsx) rather than a component per row.
import Link from "next/link";
import { formatMoment } from "@/lib/classes/date-format";
import { percent, type ClassGradebook, type LessonCell, type QuizCell, type StudentRow } from "@/lib/classes/gradebook";
import styles from "./gradebook-table.module.css";

type Props = {
  book: ClassGradebook;
  rows: StudentRow[];
  timeZone: string;
  caption: string;
  /** Current sort key and how to link to another; null: headers do not sort. */
  sort: { key: string; href: (key: string) => string } | null;
  /** Rows can be selected (for removal or restoring), with checkboxes in this form. */
  selectable: boolean;
};

function lessonCell(cell: LessonCell) {
  return (
    <>
      {cell.state === "complete" ? "✓" : cell.state === "started" ? "started" : ""}
      {cell.late && <em>late</em>}
      {cell.overdue && <strong>overdue</strong>}
    </>
  );
}

function quizCell(cell: QuizCell) {
  return (
    <>
      {cell.grade !== null && `${percent(cell.grade)}%`}
      {cell.attempts > 0 && <small>{cell.attempts === 1 ? "1 attempt" : `${cell.attempts} attempts`}</small>}
      {cell.late && <em>late</em>}
      {cell.missing && <strong>missing</strong>}
    </>
  );
}

export function GradebookTable({ book, rows, timeZone, caption, sort, selectable }: Props) {
  const sortable = (key: string, label: React.ReactNode) => (sort ? <Link href={sort.href(key)}>{label}</Link> : label);
  const ariaSort = (key: string) => (sort?.key === key ? (key === "name" ? "ascending" : "descending") : undefined);
  const lessonNumber = new Map(book.lessons.map((lesson, index) => [lesson.slug, index + 1]));
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={styles.table} data-testid="gradebook">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                <span className="sr-only">Select</span>
              </th>
            )}
            <th scope="col" aria-sort={ariaSort("name")}>
              {sortable("name", "Student")}
            </th>
            <th scope="col" data-col="progress" aria-sort={ariaSort("progress")}>
              {sortable("progress", "Progress")}
            </th>
            {book.lessons.map((lesson, index) => (
              <th key={lesson.slug} scope="col" data-col={`lesson:${lesson.slug}`} className={styles.lesson}>
                <span aria-hidden>L{index + 1}</span>
                <span className="sr-only">
                  Lesson {index + 1}: {lesson.title}
                </span>
              </th>
            ))}
            {book.quizzes.map((quiz) => {
              const number = lessonNumber.get(quiz.lessonSlug);
              return (
                <th key={quiz.id} scope="col" data-col={`quiz:${quiz.id}`} aria-sort={ariaSort(`quiz:${quiz.id}`)}>
                  {sortable(`quiz:${quiz.id}`, <>Quiz {number ? `L${number}` : quiz.id}</>)}
                  <small>
                    {quiz.policy.grading}
                    {quiz.retired ? ", retired" : ""}
                  </small>
                </th>
              );
            })}
            <th scope="col" data-col="last-active" aria-sort={ariaSort("last-active")}>
              {sortable("last-active", "Last active")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.userId} data-student={row.email}>
              {selectable && (
                <td>
                  <input type="checkbox" name="student" value={row.userId} aria-label={`Select ${row.name}`} />
                </td>
              )}
              <th scope="row">
                {row.name}
                <small>{row.email}</small>
              </th>
              <td>
                {row.lessonsCompleted}/{book.lessons.length}
                <small>{percent(row.progress)}%</small>
              </td>
              {row.lessons.map((cell, index) => (
                <td key={index} className={styles.lesson}>
                  {lessonCell(cell)}
                </td>
              ))}
              {row.quizzes.map((cell, index) => (
                <td key={index}>{quizCell(cell)}</td>
              ))}
              <td>{row.lastActiveAt ? formatMoment(row.lastActiveAt, timeZone) : "never"}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={4 + book.lessons.length + book.quizzes.length}>No students here.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
