// One class on a student's /classes page: its due dates and the student's own standing, lesson by lesson.
import Link from "next/link";
import { classPeriod, formatCalendarDate, formatDueDate } from "@/lib/classes/date-format";
import { percent, type QuizCell } from "@/lib/classes/gradebook";
import type { StudentClass } from "@/lib/classes/student-view";

const flag = (text: string) => <span className="ml-1 rounded bg-red-100 px-1 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">{text}</span>;
const note = (text: string) => <span className="ml-1 rounded bg-amber-100 px-1 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">{text}</span>;

function QuizStanding({ title, cell }: { title: string; cell: QuizCell }) {
  return (
    <span className="block">
      {title}:{" "}
      {cell.grade === null ? "not attempted" : `${percent(cell.grade)}%${cell.passed ? " (passed)" : ""}, ${cell.attempts === 1 ? "1 attempt" : `${cell.attempts} attempts`}`}
      {cell.late && note("late")}
      {cell.missing && flag("missing")}
    </span>
  );
}

export function StudentClassCard({ cls, highlight, level = 2 }: { cls: StudentClass; highlight: boolean; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  const { book, me } = cls;
  const overdue = me.lessons.filter((cell) => cell.overdue).length;
  const period = classPeriod(cls.startsOn, cls.endsOn, new Date(), cls.timeZone);
  const dates = cls.startsOn || cls.endsOn ? `${cls.startsOn ? formatCalendarDate(cls.startsOn) : "…"} – ${cls.endsOn ? formatCalendarDate(cls.endsOn) : "…"}` : null;
  const headingId = `class-${cls.id}`;
  return (
    <section aria-labelledby={headingId} data-class={cls.name} className={`space-y-3 rounded-lg border p-4 ${highlight ? "border-accent-600" : "border-zinc-200 dark:border-zinc-800"}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={headingId} className="text-xl font-semibold">
          {cls.name}
          {cls.archived && <span className="ml-2 rounded bg-zinc-200 px-1.5 align-middle text-xs dark:bg-zinc-800">Ended</span>}
        </Heading>
        <p className="text-sm" data-testid="class-standing">
          {me.lessonsCompleted} of {book.lessons.length} lessons complete{overdue > 0 && <>, {flag(`${overdue} overdue`)}</>}
        </p>
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        <Link href={`/courses/${cls.courseSlug}`} className="underline">
          {cls.courseTitle}
        </Link>{" "}
        with {cls.instructors.join(", ")}
        {dates && ` · ${dates}`}
        {!cls.archived && period !== "running" && ` · ${period}`} · times in {cls.timeZone.replaceAll("_", " ")}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your progress in {cls.name}</caption>
          <thead className="border-b border-zinc-300 dark:border-zinc-700">
            <tr>
              <th scope="col" className="p-2">Lesson</th>
              <th scope="col" className="p-2">Due</th>
              <th scope="col" className="p-2">You</th>
              <th scope="col" className="p-2">Quiz</th>
            </tr>
          </thead>
          <tbody>
            {book.lessons.map((lesson, index) => {
              const cell = me.lessons[index]!;
              const due = book.lessonDueAt[index];
              const quizzes = book.quizzes.flatMap((quiz, quizIndex) => (quiz.lessonSlug === lesson.slug && !quiz.retired ? [{ quiz, cell: me.quizzes[quizIndex]! }] : []));
              return (
                <tr key={lesson.slug} data-lesson={lesson.slug} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/courses/${cls.courseSlug}/${lesson.slug}`} className="underline">
                      {index + 1}. {lesson.title}
                    </Link>
                  </th>
                  <td className="p-2 whitespace-nowrap">{due ? formatDueDate(due, cls.timeZone) : "–"}</td>
                  <td className="p-2 whitespace-nowrap">
                    {cell.state === "complete" ? "✓ complete" : cell.state === "started" ? "started" : "not started"}
                    {cell.late && note("late")}
                    {cell.overdue && flag("overdue")}
                  </td>
                  <td className="p-2">{quizzes.length === 0 ? "–" : quizzes.map(({ quiz, cell: quizCell }) => <QuizStanding key={quiz.id} title={quiz.title} cell={quizCell} />)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {book.quizzes.some((quiz) => quiz.retired) && (
        <div className="text-sm">
          <p className="font-medium">Quizzes no longer in the course</p>
          {book.quizzes.map((quiz, index) => (quiz.retired ? <QuizStanding key={quiz.id} title={`${quiz.title} (${quiz.id})`} cell={me.quizzes[index]!} /> : null))}
        </div>
      )}
    </section>
  );
}
