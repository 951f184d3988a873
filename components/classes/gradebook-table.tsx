// The class page's table: one row per student, a column per lesson (progress) and per quiz (the grade under
// the quiz's policy, attempts, late/missing), with progress and last activity. Server-rendered: 500 rows
// cost no JavaScript beyond the remove buttons. Flags are words, never colour alone.
import Link from "next/link";
import { formatMoment } from "@/lib/classes/date-format";
import { percent, type ClassGradebook, type LessonCell, type QuizCell, type StudentRow } from "@/lib/classes/gradebook";
import { MemberStatusButton } from "./member-status-button";

type Props = {
  book: ClassGradebook;
  rows: StudentRow[];
  classId: string;
  timeZone: string;
  caption: string;
  /** Current sort key and the query string to keep when re-sorting; null: headers do not sort. */
  sort: { key: string; href: (key: string) => string } | null;
  action: "remove" | "restore" | null;
};

const tag = (text: string, tone: "warn" | "bad") => (
  <span className={`ml-1 rounded px-1 text-xs font-semibold ${tone === "bad" ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}>{text}</span>
);

function LessonCellView({ cell }: { cell: LessonCell }) {
  const text = cell.state === "complete" ? "✓" : cell.state === "started" ? "started" : "–";
  const label = cell.state === "complete" ? "complete" : cell.state === "started" ? "started" : "not started";
  return (
    <>
      <span aria-hidden>{text}</span>
      <span className="sr-only">{label}</span>
      {cell.late && tag("late", "warn")}
      {cell.overdue && tag("overdue", "bad")}
    </>
  );
}

function QuizCellView({ cell }: { cell: QuizCell }) {
  return (
    <>
      {cell.grade === null ? (
        <>
          <span aria-hidden>–</span>
          <span className="sr-only">no attempt</span>
        </>
      ) : (
        <span data-grade>{percent(cell.grade)}%</span>
      )}
      {cell.attempts > 0 && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{cell.attempts === 1 ? "1 attempt" : `${cell.attempts} attempts`}</span>}
      {cell.late && tag("late", "warn")}
      {cell.missing && tag("missing", "bad")}
    </>
  );
}

export function GradebookTable({ book, rows, classId, timeZone, caption, sort, action }: Props) {
  const sortable = (key: string, label: React.ReactNode) =>
    sort ? (
      <Link href={sort.href(key)} className="underline decoration-dotted underline-offset-2">
        {label}
      </Link>
    ) : (
      label
    );
  const ariaSort = (key: string) => (sort?.key === key ? (key === "name" ? "ascending" : "descending") : undefined);
  const lessonNumber = new Map(book.lessons.map((lesson, index) => [lesson.slug, index + 1]));
  const th = "p-2 align-bottom font-semibold";
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid="gradebook">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900">
          <tr>
            <th scope="col" className={`${th} sticky left-0 bg-zinc-50 dark:bg-zinc-900`} aria-sort={ariaSort("name")}>
              {sortable("name", "Student")}
            </th>
            <th scope="col" className={th} aria-sort={ariaSort("progress")}>
              {sortable("progress", "Progress")}
            </th>
            {book.lessons.map((lesson, index) => (
              <th key={lesson.slug} scope="col" className={`${th} text-center`}>
                <span aria-hidden>L{index + 1}</span>
                <span className="sr-only">Lesson {index + 1}: {lesson.title}</span>
              </th>
            ))}
            {book.quizzes.map((quiz) => {
              const number = lessonNumber.get(quiz.lessonSlug);
              return (
                <th key={quiz.id} scope="col" className={th} aria-sort={ariaSort(`quiz:${quiz.id}`)}>
                  {sortable(`quiz:${quiz.id}`, <>Quiz {number ? `L${number}` : quiz.id}</>)}
                  <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                    {quiz.policy.grading}
                    {quiz.retired ? ", retired" : ""}
                  </span>
                </th>
              );
            })}
            <th scope="col" className={th} aria-sort={ariaSort("last-active")}>
              {sortable("last-active", "Last active")}
            </th>
            {action && (
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.userId} data-student={row.email} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <th scope="row" className="sticky left-0 bg-white p-2 font-normal dark:bg-zinc-950">
                <span className="block font-medium">{row.name}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{row.email}</span>
              </th>
              <td className="p-2 whitespace-nowrap" data-cell="progress">
                {row.lessonsCompleted}/{book.lessons.length} <span className="text-xs text-zinc-600 dark:text-zinc-400">({percent(row.progress)}%)</span>
              </td>
              {row.lessons.map((cell, index) => (
                <td key={book.lessons[index]!.slug} className="p-2 text-center whitespace-nowrap" data-cell={`lesson:${book.lessons[index]!.slug}`}>
                  <LessonCellView cell={cell} />
                </td>
              ))}
              {row.quizzes.map((cell, index) => (
                <td key={book.quizzes[index]!.id} className="p-2 whitespace-nowrap" data-cell={`quiz:${book.quizzes[index]!.id}`}>
                  <QuizCellView cell={cell} />
                </td>
              ))}
              <td className="p-2 whitespace-nowrap" data-cell="last-active">
                {row.lastActiveAt ? formatMoment(row.lastActiveAt, timeZone) : "never"}
              </td>
              {action && (
                <td className="p-2">
                  <MemberStatusButton classId={classId} userId={row.userId} name={row.name} status={action === "remove" ? "removed" : "active"} />
                </td>
              )}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td className="p-4 text-zinc-600 dark:text-zinc-400" colSpan={4 + book.lessons.length + book.quizzes.length}>
                No students here yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
