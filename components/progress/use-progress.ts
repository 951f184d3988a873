"use client";
import { useSession } from "@/components/auth/use-session";
import { useCallback, useEffect, useState } from "react";
import { readLocalProgress } from "./local-progress";

export type LessonState = { completed: boolean; lastSection: string | null; lastVisitedAt: string };
export type Resume = { courseSlug: string; lessonSlug: string; section: string | null } | null;
export const PROGRESS_CHANGED_EVENT = "af:progress-changed";

/** Progress for one course, from the account when signed in and from this browser otherwise. */
export function useProgress(courseSlug: string | null) {
  const { status } = useSession();
  const [lessons, setLessons] = useState<Record<string, LessonState>>({});
  const [resume, setResume] = useState<Resume>(null);
  const [ready, setReady] = useState(false);

  const load = useCallback(async () => {
    if (status === "loading") return;
    if (status === "authenticated") {
      const query = courseSlug ? `?course=${encodeURIComponent(courseSlug)}` : "";
      const response = await fetch(`/api/progress${query}`, { cache: "no-store" });
      if (!response.ok) return;
      const data = (await response.json()) as { lessons: (LessonState & { lessonSlug: string })[]; resume: Resume };
      setLessons(Object.fromEntries(data.lessons.map((entry) => [entry.lessonSlug, entry])));
      setResume(data.resume);
    } else {
      const local = readLocalProgress();
      setLessons(Object.fromEntries(local.filter((entry) => entry.courseSlug === courseSlug).map((entry) => [entry.lessonSlug, entry])));
      const latest = [...local].sort((a, b) => b.lastVisitedAt.localeCompare(a.lastVisitedAt))[0];
      setResume(latest ? { courseSlug: latest.courseSlug, lessonSlug: latest.lessonSlug, section: latest.lastSection } : null);
    }
    setReady(true);
  }, [status, courseSlug]);

  useEffect(() => {
    void load();
    const reload = () => void load();
    window.addEventListener(PROGRESS_CHANGED_EVENT, reload);
    return () => window.removeEventListener(PROGRESS_CHANGED_EVENT, reload);
  }, [load]);

  return { lessons, resume, ready, signedIn: status === "authenticated" };
}
