"use client";
import { apiRequest } from "@/lib/http/api-client";
import { useEffect, useState } from "react";
import { LESSON_COMPLETED_EVENT } from "@/components/quiz/lesson-events";
import { updateLocalProgress } from "./local-progress";
import { PROGRESS_CHANGED_EVENT, useProgress } from "./use-progress";

export function CompleteButton({ courseSlug, lessonSlug }: { courseSlug: string; lessonSlug: string }) {
  const { lessons, ready, signedIn } = useProgress(courseSlug);
  const stored = lessons[lessonSlug]?.completed ?? false;
  // What the button shows: the stored state, until a click or a passed quiz changes it ahead of the store.
  const [completed, setCompleted] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const [message, setMessage] = useState("");
  if (stored !== lastStored) {
    setLastStored(stored);
    setCompleted(stored);
  }
  useEffect(() => {
    const onQuizPass = () => {
      setCompleted(true);
      setMessage("Lesson complete: you passed its quiz.");
      window.dispatchEvent(new Event(PROGRESS_CHANGED_EVENT));
    };
    window.addEventListener(LESSON_COMPLETED_EVENT, onQuizPass);
    return () => window.removeEventListener(LESSON_COMPLETED_EVENT, onQuizPass);
  }, []);

  async function toggle() {
    const next = !completed;
    setCompleted(next);
    if (signedIn) {
      const saved = await apiRequest("/api/progress/complete", { method: "POST", body: { courseSlug, lessonSlug, complete: next } }).then(
        () => true,
        () => false,
      );
      if (!saved) {
        setCompleted(!next);
        return setMessage("Could not save; please try again.");
      }
    } else {
      updateLocalProgress(courseSlug, lessonSlug, { completed: next });
    }
    setMessage(next ? "Marked as complete." : "Marked as not complete.");
    window.dispatchEvent(new Event(PROGRESS_CHANGED_EVENT));
  }

  return (
    <div className="flex items-center gap-3" data-print-hide>
      <button
        type="button"
        onClick={toggle}
        disabled={!ready}
        aria-pressed={completed}
        className={`rounded-md px-4 py-2 font-medium ${
          completed ? "border border-green-700 text-green-800 dark:text-green-400" : "bg-accent-600 text-white hover:bg-accent-700"
        }`}
      >
        {completed ? "✓ Completed" : "Mark as complete"}
      </button>
      <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </span>
    </div>
  );
}
