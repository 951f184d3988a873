"use client";
// Records the visit and the section being read, so "continue where you left off" lands in the right place.
import { useSession } from "@/components/auth/use-session";
import { useEffect, useRef } from "react";
import { updateLocalProgress } from "./local-progress";

export function LessonTracker({ courseSlug, lessonSlug, sectionIds }: { courseSlug: string; lessonSlug: string; sectionIds: string[] }) {
  const { status } = useSession();
  const lastSent = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (status === "loading") return;
    let section: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const send = () => {
      if (lastSent.current === section) return;
      lastSent.current = section;
      if (status === "authenticated") {
        void fetch("/api/progress/visit", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ courseSlug, lessonSlug, section }),
          keepalive: true,
        }).catch(() => undefined);
      } else {
        updateLocalProgress(courseSlug, lessonSlug, { lastVisitedAt: new Date().toISOString(), lastSection: section });
      }
    };
    send();

    const headings = sectionIds.map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((entry) => entry.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
        if (!visible) return;
        section = visible.target.id;
        clearTimeout(timer);
        timer = setTimeout(send, 1500); // throttle: one write per settled scroll position
      },
      { rootMargin: "0px 0px -70% 0px" },
    );
    headings.forEach((heading) => observer.observe(heading));
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [status, courseSlug, lessonSlug, sectionIds]);

  return null;
}
