"use client";
// The class page's table: one row per student, a column per lesson (progress) and per quiz (the grade under
// the quiz's policy, attempts, late/missing), with progress and last activity. It receives compact,
// already formatted data (lib/classes/gradebook-view.ts) rather than 6,000 server-rendered cells, and cells
// carry no classes (gradebook-table.module.css styles them from the table). Flags are words, never colour
// alone: <em> late, <strong> overdue or missing.
import Link from "next/link";
import type { LessonCode, QuizCode, TableView } from "@/lib/classes/gradebook-view";
import styles from "./gradebook-table.module.css";

type Props = {
  view: TableView;
  caption: string;
  /** The current sort key and a link per sortable column; null: headers do not sort. */
  sort: { key: string; hrefs: Record<string, string> } | null;
  /** Rows can be selected (for removal or restoring) with a checkbox named "student". */
  selectable: boolean;
};

function LessonCell({ code }: { code: LessonCode }) {
  return (
    <td className={styles.lesson}>
      {code[0] === "c" ? "✓" : code[0] === "s" ? "started" : ""}
      {code.includes("l") && <em>late</em>}
      {code.includes("o") && <strong>overdue</strong>}
    </td>
  );
}

function QuizCell({ code: [grade, attempts, flags] }: { code: QuizCode }) {
  return (
    <td>
      {grade}
      {attempts > 0 && <small>{attempts === 1 ? "1 attempt" : `${attempts} attempts`}</small>}
      {flags.includes("l") && <em>late</em>}
      {flags.includes("m") && <strong>missing</strong>}
    </td>
  );
}

export function GradebookTable({ view, caption, sort, selectable }: Props) {
  const head = (key: string, label: React.ReactNode) => (sort?.hrefs[key] ? <Link href={sort.hrefs[key]}>{label}</Link> : label);
  const ariaSort = (key: string) => (sort?.key === key ? (key === "name" ? "ascending" : "descending") : undefined);
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
              {head("name", "Student")}
            </th>
            <th scope="col" data-col="progress" aria-sort={ariaSort("progress")}>
              {head("progress", "Progress")}
            </th>
            {view.lessons.map((lesson, index) => (
              <th key={lesson.slug} scope="col" data-col={`lesson:${lesson.slug}`} className={styles.lesson}>
                <span aria-hidden>L{index + 1}</span>
                <span className="sr-only">
                  Lesson {index + 1}: {lesson.title}
                </span>
              </th>
            ))}
            {view.quizzes.map((quiz) => (
              <th key={quiz.id} scope="col" data-col={`quiz:${quiz.id}`} aria-sort={ariaSort(`quiz:${quiz.id}`)}>
                {head(`quiz:${quiz.id}`, quiz.label)}
                <small>
                  {quiz.grading}
                  {quiz.retired ? ", retired" : ""}
                </small>
              </th>
            ))}
            <th scope="col" data-col="last-active" aria-sort={ariaSort("last-active")}>
              {head("last-active", "Last active")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.id} data-student={row.email}>
              {selectable && (
                <td>
                  <input type="checkbox" name="student" value={row.id} aria-label={`Select ${row.name}`} />
                </td>
              )}
              <th scope="row">
                {row.name}
                <small>{row.email}</small>
              </th>
              <td>
                {row.done}/{view.lessons.length}
                <small>{row.progress}%</small>
              </td>
              {row.lessons.map((code, index) => (
                <LessonCell key={index} code={code} />
              ))}
              {row.quizzes.map((code, index) => (
                <QuizCell key={index} code={code} />
              ))}
              <td>{row.active}</td>
            </tr>
          ))}
          {view.rows.length === 0 && (
            <tr>
              <td colSpan={4 + view.lessons.length + view.quizzes.length}>No students here.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
