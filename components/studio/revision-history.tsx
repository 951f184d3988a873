"use client";
import type { RevisionView } from "@/lib/studio/editor-types";

const LINE_STYLE = { added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200", removed: "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200", same: "" };
const PREFIX = { added: "+", removed: "−", same: " " };

/** Each revision with its diff against the one before (or against the content/ file for the first). */
export function RevisionHistory({ revisions, onRestore }: { revisions: RevisionView[]; onRestore: (revision: RevisionView) => void }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-xl font-semibold">History</h2>
      {revisions.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No revisions yet: every publish adds one, and none is ever changed.</p>}
      <ol className="space-y-2">
        {revisions.map((revision) => (
          <li key={revision.id} data-testid={`revision-${revision.number}`} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p>
                <strong>Revision {revision.number}</strong> by {revision.authorName}, {new Date(revision.createdAt).toLocaleString()}
                {revision.message ? `: ${revision.message}` : ""}
              </p>
              <button type="button" onClick={() => onRestore(revision)} className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700">
                Restore revision {revision.number} as draft
              </button>
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm">Changes</summary>
              {/* Focusable so a keyboard can scroll a long line into view (axe: scrollable-region-focusable). */}
              <pre tabIndex={0} aria-label={`Changes in revision ${revision.number}`} className="mt-2 overflow-x-auto text-xs leading-5">
                {revision.diff.map((line, index) =>
                  line === null ? (
                    <div key={index} className="text-zinc-400">⋯</div>
                  ) : (
                    <div key={index} className={LINE_STYLE[line.kind]}>
                      {PREFIX[line.kind]} {line.text}
                    </div>
                  ),
                )}
              </pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
