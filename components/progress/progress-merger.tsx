"use client";
// After sign-in, moves what the reader did while signed out into their account, once.
import { useSession } from "@/components/auth/use-session";
import { apiRequest } from "@/lib/http/api-client";
import { useEffect } from "react";
import { clearLocalProgress, readLocalProgress } from "./local-progress";
import { PROGRESS_CHANGED_EVENT } from "./use-progress";

export function ProgressMerger() {
  const { status } = useSession();
  useEffect(() => {
    if (status !== "authenticated") return;
    const entries = readLocalProgress();
    if (entries.length === 0) return;
    void apiRequest("/api/progress/merge", { method: "POST", body: { entries } }).then(
      () => {
        clearLocalProgress();
        window.dispatchEvent(new Event(PROGRESS_CHANGED_EVENT));
      },
      () => undefined, // kept locally; merged on the next sign-in or page load
    );
  }, [status]);
  return null;
}
