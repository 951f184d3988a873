"use client";
import { useProgress } from "./use-progress";

export function CourseProgressBar({ courseSlug, lessonSlugs }: { courseSlug: string; lessonSlugs: string[] }) {
  const { lessons } = useProgress(courseSlug);
  const done = lessonSlugs.filter((slug) => lessons[slug]?.completed).length;
  const percent = lessonSlugs.length ? Math.round((done / lessonSlugs.length) * 100) : 0;
  return (
    <div className="space-y-1" data-testid="course-progress">
      <div className="flex justify-between text-sm">
        <span id="course-progress-label">Your progress</span>
        <span data-testid="course-progress-text">
          {done} of {lessonSlugs.length} lessons complete
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="course-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full bg-accent-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function LessonStatus({ courseSlug, lessonSlug }: { courseSlug: string; lessonSlug: string }) {
  const { lessons } = useProgress(courseSlug);
  const state = lessons[lessonSlug];
  if (!state) return null;
  return (
    <span className="text-sm font-medium text-green-800 dark:text-green-400" data-testid={`lesson-status-${lessonSlug}`}>
      {state.completed ? "✓ Complete" : "In progress"}
    </span>
  );
}
