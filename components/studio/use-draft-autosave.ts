"use client";
// Autosave for the lesson editor: a debounced PUT of the draft, retried while the network is down, with a
// copy in localStorage until the server has the text. A 409 (someone else saved or published) stops
// autosaving and keeps the text; a 401 (session expired) keeps the local copy for after sign-in.
import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorBase } from "@/lib/studio/revision-rules";
import type { SavedDraft } from "@/lib/studio/studio-writes";
import { localCopy } from "./local-copy";
import { ApiError } from "@/lib/http/api-client";
import { lessonApi, studioFetch } from "./studio-api";

export type SaveStatus =
  | { kind: "saved"; at: string | null }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "retrying"; attempt: number }
  | { kind: "conflict"; message: string }
  | { kind: "signed-out" }
  | { kind: "error"; message: string };

export function useDraftAutosave(options: { courseSlug: string; lessonSlug: string; source: string; base: EditorBase; onSaved: (saved: SavedDraft) => void; delayMs?: number }) {
  const { courseSlug, lessonSlug, source, base, onSaved, delayMs = 1200 } = options;
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: null });
  const lastSaved = useRef(source);
  const blocked = status.kind === "conflict" || status.kind === "signed-out";

  const save = useCallback(
    async (text: string, from: EditorBase) => {
      setStatus({ kind: "saving" });
      try {
        const saved = await studioFetch<SavedDraft>(`${lessonApi(courseSlug, lessonSlug)}/draft`, "PUT", { source: text, ...from }, {
          retry: { onRetry: (attempt) => setStatus({ kind: "retrying", attempt }) },
        });
        lastSaved.current = text;
        // Drop the local copy only if it is this exact text; newer typing keeps its copy.
        if (localCopy.read(courseSlug, lessonSlug)?.source === text) localCopy.clear(courseSlug, lessonSlug);
        onSaved(saved);
        setStatus({ kind: "saved", at: saved.savedAt });
      } catch (error) {
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 409) setStatus({ kind: "conflict", message: (error as Error).message });
        else if (status === 401) setStatus({ kind: "signed-out" });
        else setStatus({ kind: "error", message: (error as Error).message });
      }
    },
    [courseSlug, lessonSlug, onSaved],
  );

  // The local copy is written on every change and dropped only once the server has this exact text.
  useEffect(() => {
    if (source === lastSaved.current) return;
    localCopy.write(courseSlug, lessonSlug, { source, ...base });
    if (blocked || status.kind === "saving" || status.kind === "retrying") return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- "unsaved" starts the debounce this effect owns; the timer below ends it
    setStatus({ kind: "unsaved" });
    const timer = setTimeout(() => void save(source, base), delayMs);
    return () => clearTimeout(timer);
  }, [source, base, blocked, status.kind, save, delayMs, courseSlug, lessonSlug]);

  /** After a publish or restore, the server's text is the saved text. */
  const markSaved = useCallback((text: string, at: string | null = new Date().toISOString()) => {
    lastSaved.current = text;
    setStatus({ kind: "saved", at });
  }, []);

  return { status, setStatus, markSaved, saveNow: () => save(source, base) };
}
