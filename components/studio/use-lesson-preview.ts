"use client";
// Debounced server preview. One request at a time: the server compiles one lesson at a time anyway
// (esbuild queue), so text typed while a compile runs is sent as soon as it returns, latest text only,
// instead of piling up requests the server would still compile. The last good render stays while the
// text has errors.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ContentDiagnostic } from "@/lib/content/diagnostics";
import type { PreviewLesson, PreviewResult } from "@/lib/studio/preview-types";
import { ApiError } from "@/lib/http/api-client";
import { studioFetch } from "./studio-api";

export type PreviewState = { lesson: PreviewLesson | null; diagnostics: ContentDiagnostic[]; pending: boolean; serverMs: number | null; roundTripMs: number | null; failure: string | null };

export function useLessonPreview(courseSlug: string, lessonSlug: string, source: string, delayMs = 250): PreviewState {
  const [state, setState] = useState<PreviewState>({ lesson: null, diagnostics: [], pending: true, serverMs: null, roundTripMs: null, failure: null });
  const latest = useRef(source);
  const inFlight = useRef(false);
  const stale = useRef(false);
  const compiled = useRef<string | null>(null);

  const run = useCallback(async () => {
    if (inFlight.current) {
      stale.current = true;
      return;
    }
    const text = latest.current;
    if (text === compiled.current) {
      setState((previous) => ({ ...previous, pending: false }));
      return;
    }
    inFlight.current = true;
    stale.current = false;
    const started = performance.now();
    try {
      // A 422 is a compile that failed: its body is a PreviewResult too, with the diagnostics.
      const result = await studioFetch<PreviewResult>("/api/studio/preview", "POST", { courseSlug, lessonSlug, source: text }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 422 && Array.isArray(error.payload.diagnostics)) {
          return { ok: false as const, diagnostics: error.payload.diagnostics as ContentDiagnostic[], ms: typeof error.payload.ms === "number" ? error.payload.ms : 0 };
        }
        throw error;
      });
      const roundTripMs = Math.round(performance.now() - started);
      compiled.current = text;
      setState((previous) => ({
        lesson: result.ok ? result.lesson : previous.lesson,
        diagnostics: result.diagnostics,
        pending: text !== latest.current,
        serverMs: result.ms,
        roundTripMs,
        failure: null,
      }));
    } catch (error) {
      setState((previous) => ({ ...previous, pending: false, failure: (error as Error).message }));
    } finally {
      inFlight.current = false;
      if (stale.current || text !== latest.current) void run();
    }
  }, [courseSlug, lessonSlug]);

  useEffect(() => {
    latest.current = source;
    setState((previous) => (previous.pending ? previous : { ...previous, pending: true }));
    const timer = setTimeout(() => void run(), delayMs);
    return () => clearTimeout(timer);
  }, [source, delayMs, run]);

  return state;
}
