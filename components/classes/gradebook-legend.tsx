// What the table's short column heads stand for: each lesson with its due date, each quiz with its grading
// method (the grade shown is the quiz's own: highest, first, last or average of the attempts).
import { formatDueDate } from "@/lib/classes/date-format";
import type { ClassGradebook } from "@/lib/classes/gradebook";

export function GradebookLegend({ book, timeZone }: { book: ClassGradebook; timeZone: string }) {
  const due = (date: Date | null) => (date ? `due ${formatDueDate(date, timeZone)}` : "no due date");
  return (
    <details className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-semibold">What the columns mean</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {book.lessons.map((lesson, index) => (
          <div key={lesson.slug} className="contents">
            <dt className="font-medium">L{index + 1}</dt>
            <dd>
              {lesson.title} ({due(book.lessonDueAt[index]!)}): ✓ complete, “started”, – not started; <em>late</em> completed after the due date,{" "}
              <em>overdue</em> not complete and past it.
            </dd>
          </div>
        ))}
        {book.quizzes.map((quiz, index) => (
          <div key={quiz.id} className="contents">
            <dt className="font-medium">{quiz.title}</dt>
            <dd>
              <span className="font-mono">{quiz.id}</span>, graded by the {quiz.policy.grading} attempt{quiz.policy.grading === "average" ? "s' average" : ""}, pass mark{" "}
              {Math.round(quiz.policy.passMark * 100)}%, {due(book.quizDueAt[index]!)}
              {quiz.retired ? "; no longer in the course" : ""}. <em>late</em>: the grade rests on an attempt after the due date; <em>missing</em>: no attempt by then.
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
