"use client";
// After sign-in, moves what the reader did while signed out into their account, once.
import { useSession } from "@/components/auth/use-session";
import { useEffect } from "react";
import { clearLocalProgress, readLocalProgress } from "./local-progress";
import { PROGRESS_CHANGED_EVENT } from "./use-progress";

export function ProgressMerger() {
  const { status } = useSession();
  useEffect(() => {
    if (status !== "authenticated") return;
    const entries = readLocalProgress();
    if (entries.length === 0) return;
    void fetch("/api/progress/merge", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ entries }),
    }).then((response) => {
      if (!response.ok) return;
      clearLocalProgress();
      window.dispatchEvent(new Event(PROGRESS_CHANGED_EVENT));
    });
  }, [status]);
  return null;
}
