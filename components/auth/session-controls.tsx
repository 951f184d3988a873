"use client";
import { apiRequest } from "@/lib/http/api-client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/field";

const secondaryButton = "rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800";

/** "Sign out of other devices" and "Sign out everywhere" (which includes this one). */
export function SessionControls({ others }: { others: number }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");

  async function end(keepCurrent: boolean) {
    setPending(true);
    setMessage("");
    try {
      const { ended } = await apiRequest<{ ended: number }>(`/api/account/sessions${keepCurrent ? "?keep=current" : ""}`, { method: "DELETE" });
      // Everywhere includes here: a full load shows the signed-out site.
      if (!keepCurrent) return window.location.assign(new URL("/", window.location.href).href);
      setMessage(ended === 0 ? "No other device was signed in." : `Signed out of ${ended} other session${ended === 1 ? "" : "s"}.`);
    } catch {
      setMessage("Could not reach the server. Nothing was signed out; please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <button type="button" className={secondaryButton} disabled={pending || others < 1} onClick={() => void end(true)}>
          Sign out of other devices
        </button>
        <button type="button" className={buttonClass} disabled={pending} onClick={() => void end(false)}>
          Sign out everywhere
        </button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
        {message}
      </p>
    </div>
  );
}
