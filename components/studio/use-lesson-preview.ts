"use client";
// Debounced server preview: each edit waits 250 ms, cancels the request before it, and keeps the last good
// render while the text has errors.
import { useEffect, useRef, useState } from "react";
import type { ContentDiagnostic } from "@/lib/content/diagnostics";
import type { PreviewLesson, PreviewResult } from "@/lib/studio/preview.server";
import { studioFetch } from "./studio-api";

export type PreviewState = { lesson: PreviewLesson | null; diagnostics: ContentDiagnostic[]; pending: boolean; serverMs: number | null; roundTripMs: number | null; failure: string | null };

export function useLessonPreview(courseSlug: string, lessonSlug: string, source: string, delayMs = 250): PreviewState {
  const [state, setState] = useState<PreviewState>({ lesson: null, diagnostics: [], pending: true, serverMs: null, roundTripMs: null, failure: null });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(async () => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const started = performance.now();
      try {
        const result = await studioFetch<PreviewResult>("/api/studio/preview", "POST", { courseSlug, lessonSlug, source }, abort.signal);
        const roundTripMs = Math.round(performance.now() - started);
        setState((previous) => ({
          lesson: result.ok ? result.lesson : previous.lesson,
          diagnostics: result.diagnostics,
          pending: false,
          serverMs: result.ms,
          roundTripMs,
          failure: null,
        }));
      } catch (error) {
        if ((error as Error).name === "AbortError") return;
        setState((previous) => ({ ...previous, pending: false, failure: (error as Error).message }));
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [courseSlug, lessonSlug, source, delayMs]);

  return state;
}
