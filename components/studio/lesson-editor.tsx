"use client";
// The lesson editor: CodeMirror on the left, the live preview on the right, autosaved drafts, publish,
// and the revision history with restore. Every write sends the base it started from (revision-rules.ts).
import Link from "next/link";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ContentDiagnostic } from "@/lib/content/diagnostics";
import type { EditorProps, RevisionView } from "@/lib/studio/editor-types";
import type { EditorBase } from "@/lib/studio/revision-rules";
import type { SavedDraft } from "@/lib/studio/studio-writes";
import { LessonPreview } from "./lesson-preview";
import { localCopy, type LocalCopy } from "./local-copy";
import { RevisionHistory } from "./revision-history";
import { SaveStatusLine } from "./save-status";
import { ApiError, NETWORK_ERROR_MESSAGE } from "@/lib/http/api-client";
import { lessonApi, studioFetch } from "./studio-api";
import { useDraftAutosave } from "./use-draft-autosave";
import { useLessonPreview } from "./use-lesson-preview";

// CodeMirror measures the DOM; render it in the browser only.
const CodeEditor = dynamic(() => import("./code-editor").then((module) => module.CodeEditor), { ssr: false, loading: () => <p>Loading the editor…</p> });


function DiagnosticList({ diagnostics }: { diagnostics: ContentDiagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul data-testid="studio-diagnostics" className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40">
      {diagnostics.map((diagnostic, index) => (
        <li key={index} className={diagnostic.severity === "error" ? "text-red-800 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}>
          <span className="font-mono">line {diagnostic.line}, column {diagnostic.column}</span>: {diagnostic.severity === "warning" ? "warning: " : ""}
          {diagnostic.message}
        </li>
      ))}
    </ul>
  );
}

export function LessonEditor(props: EditorProps) {
  const { courseSlug, lessonSlug } = props;
  const router = useRouter();
  const [source, setSource] = useState(props.initialSource);
  const [base, setBase] = useState<EditorBase>(props.initialBase);
  const [headNumber, setHeadNumber] = useState(props.headNumber);
  const [servingFile, setServingFile] = useState(props.servingFile);
  const [notice, setNotice] = useState<string | null>(null);
  const [publishDiagnostics, setPublishDiagnostics] = useState<ContentDiagnostic[]>([]);
  const [publishing, setPublishing] = useState(false);
  const [staleCopy, setStaleCopy] = useState<LocalCopy | null>(null);
  const preview = useLessonPreview(courseSlug, lessonSlug, source);
  const onSaved = useCallback((saved: SavedDraft) => setBase({ baseRevisionId: saved.baseRevisionId, draftVersion: saved.draftVersion }), []);
  const autosave = useDraftAutosave({ courseSlug, lessonSlug, source, base, onSaved });

  // A copy left in this browser (session expired, tab closed, network down) comes back first, once, on open.
  // If the lesson changed on the server since that copy was written, applying it would overwrite someone
  // else's text, so the instructor decides.
  const checkedLocalCopy = useRef(false);
  useEffect(() => {
    if (checkedLocalCopy.current) return;
    checkedLocalCopy.current = true;
    const kept = localCopy.read(courseSlug, lessonSlug);
    if (!kept || kept.source === props.initialSource) return;
    const sameBase = kept.baseRevisionId === props.initialBase.baseRevisionId && kept.draftVersion === props.initialBase.draftVersion;
    if (!sameBase) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the copy is in this browser's storage, readable only after hydration, once
      setStaleCopy(kept);
      return;
    }
    setSource(kept.source);
    setNotice(`Restored your unsaved text from this browser (kept ${new Date(kept.keptAt).toLocaleString()}). It is being saved now.`);
  }, [courseSlug, lessonSlug, props.initialSource, props.initialBase]);

  function resolveStaleCopy(apply: boolean) {
    if (apply && staleCopy) {
      setSource(staleCopy.source);
      setNotice("Your text from this browser replaces the current draft. It is being saved now.");
    } else {
      localCopy.clear(courseSlug, lessonSlug);
      setNotice("Your text from this browser was discarded.");
    }
    setStaleCopy(null);
  }

  async function publish() {
    setPublishing(true);
    setPublishDiagnostics([]);
    try {
      const result = await studioFetch<{ revisionId: string; number: number }>(`${lessonApi(courseSlug, lessonSlug)}/publish`, "POST", { source, ...base });
      setBase({ baseRevisionId: result.revisionId, draftVersion: null });
      setHeadNumber(result.number);
      setServingFile(false);
      autosave.markSaved(source);
      localCopy.clear(courseSlug, lessonSlug);
      setNotice(`Published revision ${result.number}. Students see it now.`);
      router.refresh();
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, NETWORK_ERROR_MESSAGE);
      if (failure.status === 422) setPublishDiagnostics(Array.isArray(failure.payload.diagnostics) ? (failure.payload.diagnostics as ContentDiagnostic[]) : []);
      else if (failure.status === 409) autosave.setStatus({ kind: "conflict", message: failure.message });
      else if (failure.status === 401) autosave.setStatus({ kind: "signed-out" });
      setNotice(failure.status === 422 ? "Not published: fix the errors below." : `Not published: ${failure.message}`);
    } finally {
      setPublishing(false);
    }
  }

  async function restore(revision: RevisionView) {
    try {
      const result = await studioFetch<SavedDraft & { source: string; restoredNumber: number }>(`${lessonApi(courseSlug, lessonSlug)}/revisions/${revision.id}/restore`, "POST", base);
      setSource(result.source);
      setBase({ baseRevisionId: result.baseRevisionId, draftVersion: result.draftVersion });
      autosave.markSaved(result.source, result.savedAt);
      localCopy.clear(courseSlug, lessonSlug);
      setNotice(`Revision ${result.restoredNumber} is now the draft. Publish to make it live.`);
      router.refresh();
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, NETWORK_ERROR_MESSAGE);
      if (failure.status === 409) autosave.setStatus({ kind: "conflict", message: failure.message });
      setNotice(`Not restored: ${failure.message}`);
    }
  }

  const errors = preview.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <Link href="/studio" className="underline">Studio</Link> / {courseSlug}
          </p>
          <h1 className="text-2xl font-bold">{props.title}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {servingFile ? "Students see the content/ file. " : headNumber > 0 ? `Students see revision ${headNumber}. ` : "Never published. "}
            {props.published ? "" : "Hidden from students."}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SaveStatusLine status={autosave.status} onRetry={() => void autosave.saveNow()} signInHref={`/signin?callbackUrl=${encodeURIComponent(`/studio/${courseSlug}/${lessonSlug}`)}`} />
          <a href={`${lessonApi(courseSlug, lessonSlug)}/source?from=draft`} className="rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700">Download .mdx</a>
          <button type="button" onClick={publish} disabled={publishing || errors.length > 0} className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60">
            {publishing ? "Publishing…" : "Publish"}
          </button>
        </div>
      </div>
      {staleCopy && (
        <div role="alert" data-testid="studio-stale-copy" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
          <p>
            This browser kept text you wrote at {new Date(staleCopy.keptAt).toLocaleString()} that never reached the server, and the lesson has changed on the server since.
            The editor shows the current text. Use yours only if you mean to replace it.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" onClick={() => resolveStaleCopy(true)}>Replace the draft with my text</button>
            <button type="button" className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" onClick={() => resolveStaleCopy(false)}>Discard my text</button>
            <a className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700" download={`${lessonSlug}.mine.mdx`} href={`data:text/markdown;charset=utf-8,${encodeURIComponent(staleCopy.source)}`}>Download my text</a>
          </div>
        </div>
      )}
      {notice && <p role="status" data-testid="studio-notice" className="rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-800">{notice}</p>}
      <DiagnosticList diagnostics={publishDiagnostics} />
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label="Editor" className="space-y-2">
          <CodeEditor value={source} onChange={setSource} diagnostics={preview.diagnostics} />
          <DiagnosticList diagnostics={preview.diagnostics} />
        </section>
        <section aria-label="Preview" tabIndex={0} data-testid="studio-preview" data-pending={preview.pending ? "true" : "false"} className="max-h-[80vh] overflow-y-auto rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <p className="mb-2 text-xs text-zinc-500" data-testid="studio-preview-timing">
            {preview.pending ? "Updating preview…" : preview.serverMs !== null ? `Preview compiled in ${preview.serverMs} ms (${preview.roundTripMs} ms round trip)` : ""}
            {errors.length > 0 && preview.lesson ? " · showing the last version without errors" : ""}
            {preview.failure ? ` · preview unavailable: ${preview.failure}` : ""}
          </p>
          {preview.lesson ? <LessonPreview lesson={preview.lesson} /> : <p>{preview.pending ? "Compiling…" : "Fix the errors to see a preview."}</p>}
        </section>
      </div>
      <RevisionHistory revisions={props.revisions} onRestore={restore} />
    </div>
  );
}
