"use client";
import { DEFAULT_TRIES } from "@/lib/http/api-client";
import type { SaveStatus } from "./use-draft-autosave";

/** One line that always says where the text is: on the server, in this browser only, or in conflict. */
export function SaveStatusLine({ status, signInHref, onRetry }: { status: SaveStatus; signInHref: string; onRetry: () => void }) {
  const text = (() => {
    switch (status.kind) {
      case "saved":
        return status.at ? `Draft saved ${new Date(status.at).toLocaleTimeString()}` : "No unsaved changes";
      case "unsaved":
        return "Unsaved changes (kept in this browser)";
      case "saving":
        return "Saving draft…";
      case "retrying":
        return `Connection problem; retrying (${status.attempt} of ${DEFAULT_TRIES - 1})… Your text is kept in this browser.`;
      case "conflict":
        return status.message;
      case "signed-out":
        return "Your session has expired. Your text is kept in this browser and will be restored after you sign in.";
      case "error":
        return `Not saved: ${status.message} Your text is kept in this browser; it is saved when you type again, or now:`;
    }
  })();
  const alarming = status.kind === "conflict" || status.kind === "signed-out" || status.kind === "error" || status.kind === "retrying";
  return (
    <p role="status" aria-live="polite" data-testid="studio-save-status" data-kind={status.kind} className={`max-w-md text-sm ${alarming ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
      {text}
      {status.kind === "error" && (
        <>
          {" "}
          <button type="button" onClick={onRetry} className="underline">Save now</button>
        </>
      )}
      {status.kind === "signed-out" && (
        <>
          {" "}
          <a href={signInHref} className="underline">Sign in again</a>
        </>
      )}
    </p>
  );
}
