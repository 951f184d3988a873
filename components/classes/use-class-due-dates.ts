"use client";
// The signed-in student's due dates in one course, for the prerendered lesson and syllabus pages. One request
// per course however many components ask, repeated when progress changes (a completed lesson is no longer
// overdue). Signed-out readers ask nothing.
import { useSession } from "@/components/auth/use-session";
import { useEffect, useState } from "react";
import { PROGRESS_CHANGED_EVENT } from "@/components/progress/use-progress";

export type CourseDueDates = {
  classes: Array<{ classId: string; className: string; timeZone: string; dueDates: Record<string, string> }>;
  completed: string[];
};

const pending = new Map<string, Promise<CourseDueDates | null>>();

function load(courseSlug: string): Promise<CourseDueDates | null> {
  let request = pending.get(courseSlug);
  if (!request) {
    request = fetch(`/api/classes/due-dates?course=${encodeURIComponent(courseSlug)}`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<CourseDueDates>) : null))
      .catch(() => null);
    pending.set(courseSlug, request);
  }
  return request;
}

export function useClassDueDates(courseSlug: string): CourseDueDates | null {
  const { status } = useSession();
  const [data, setData] = useState<CourseDueDates | null>(null);
  useEffect(() => {
    if (status !== "authenticated") return;
    let live = true;
    const refresh = (fresh: boolean) => {
      if (fresh) pending.delete(courseSlug);
      void load(courseSlug).then((result) => live && setData(result));
    };
    refresh(false);
    const onChange = () => refresh(true);
    window.addEventListener(PROGRESS_CHANGED_EVENT, onChange);
    return () => {
      live = false;
      window.removeEventListener(PROGRESS_CHANGED_EVENT, onChange);
    };
  }, [status, courseSlug]);
  return data;
}
