"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/field";
import { sendJson } from "./class-api";
import { inputClass, StatusLine } from "./form-parts";

type Lesson = { slug: string; title: string; hasQuiz: boolean; dueAt: string };
type Props = { classId: string; timeZone: string; lessons: Lesson[]; readOnly: boolean };

/** A due date (optional) per lesson, as wall-clock times in the class's zone; a lesson's quiz is due with it. */
export function DueDatesForm({ classId, timeZone, lessons, readOnly }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(() => Object.fromEntries(lessons.map((lesson) => [lesson.slug, lesson.dueAt])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const dueDates = lessons.map((lesson) => ({ lessonSlug: lesson.slug, dueAt: values[lesson.slug] || null }));
    const result = await sendJson("PUT", `/api/classes/${classId}/due-dates`, { dueDates });
    setPending(false);
    if (!result.ok) {
      const byLesson = Object.fromEntries(
        Object.entries(result.fields).flatMap(([field, text]) => {
          const index = Number(/^dueDates\.(\d+)\./.exec(field)?.[1]);
          return Number.isInteger(index) && lessons[index] ? [[lessons[index].slug, text]] : [];
        }),
      );
      return setErrors({ ...byLesson, form: result.error });
    }
    setErrors({});
    setMessage("Due dates saved.");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="due-heading" className="space-y-4">
      <h2 id="due-heading" className="text-xl font-semibold">
        Due dates
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Times are in {timeZone.replaceAll("_", " ")}. A lesson&apos;s quiz is due with it. Students see due dates on the lesson, the syllabus and
        their classes page; late work is flagged, never refused. Leave a date empty for no due date.
      </p>
      <fieldset disabled={readOnly} className="space-y-3">
        <legend className="sr-only">Due date per lesson</legend>
        {lessons.map((lesson, index) => {
          const id = `due-${lesson.slug}`;
          return (
            <div key={lesson.slug} className="grid items-center gap-2 sm:grid-cols-[1fr_16rem_auto]">
              <label htmlFor={id} className="text-sm font-medium">
                {index + 1}. {lesson.title}
                {lesson.hasQuiz && <span className="font-normal text-zinc-600 dark:text-zinc-400"> (and its quiz)</span>}
              </label>
              <input
                id={id}
                type="datetime-local"
                value={values[lesson.slug] ?? ""}
                onChange={(event) => setValues({ ...values, [lesson.slug]: event.target.value })}
                aria-invalid={errors[lesson.slug] ? true : undefined}
                aria-describedby={errors[lesson.slug] ? `${id}-error` : undefined}
                className={inputClass}
              />
              <button type="button" className="text-sm underline" onClick={() => setValues({ ...values, [lesson.slug]: "" })} aria-label={`Clear the due date of ${lesson.title}`}>
                Clear
              </button>
              {errors[lesson.slug] && (
                <p id={`${id}-error`} className="text-sm text-red-700 sm:col-span-3 dark:text-red-400">
                  {errors[lesson.slug]}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending || readOnly}>
          Save due dates
        </button>
        <StatusLine message={message} error={errors.form} />
      </div>
    </form>
  );
}
