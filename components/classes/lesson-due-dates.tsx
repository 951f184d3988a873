"use client";
// Due dates of a lesson from the student's classes, with an overdue flag. Mounted on the prerendered lesson
// page and on each lesson of the syllabus; renders nothing for anyone not in a class with a due date here.
import { useState } from "react";
import { formatDueDate } from "@/lib/classes/date-format";
import { useClassDueDates } from "./use-class-due-dates";

type Props = { courseSlug: string; lessonSlug: string; variant: "lesson" | "syllabus" };

export function LessonDueDates({ courseSlug, lessonSlug, variant }: Props) {
  const data = useClassDueDates(courseSlug);
  // "Overdue" as of when the page opened: stable across re-renders.
  const [now] = useState(Date.now);
  if (!data) return null;
  const completed = data.completed.includes(lessonSlug);
  const dues = data.classes.flatMap((cls) => {
    const iso = cls.dueDates[lessonSlug];
    if (!iso) return [];
    const dueAt = new Date(iso);
    return [{ classId: cls.classId, className: cls.className, label: formatDueDate(dueAt, cls.timeZone), overdue: !completed && dueAt.getTime() < now }];
  });
  if (dues.length === 0) return null;
  return (
    <ul className={variant === "lesson" ? "mt-2 space-y-1 text-sm" : "mt-1 space-y-0.5 text-sm"} data-testid={`due-${lessonSlug}`}>
      {dues.map((due) => (
        <li key={due.classId}>
          Due {due.label}
          {dues.length > 1 || variant === "lesson" ? <span className="text-zinc-600 dark:text-zinc-400"> · {due.className}</span> : null}
          {due.overdue && <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">Overdue</span>}
          {completed && <span className="sr-only"> (complete)</span>}
        </li>
      ))}
    </ul>
  );
}
