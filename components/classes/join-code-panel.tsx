"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useBrowserValue } from "@/components/ui/use-browser-value";
import { sendJson } from "./class-api";
import { secondaryButtonClass, StatusLine } from "./form-parts";

type Props = { classId: string; code: string; enabled: boolean; readOnly: boolean };

/** The join link and code an instructor shares, with regenerate and disable/enable. */
export function JoinCodePanel({ classId, code, enabled, readOnly }: Props) {
  const router = useRouter();
  const path = `/join/${code}`;
  const origin = useBrowserValue(() => window.location.origin, "");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function act(action: "regenerate" | "disable" | "enable") {
    if (action === "regenerate" && !window.confirm("Make a new code? The current link and code stop working at once.")) return;
    setPending(true);
    const result = await sendJson("POST", `/api/classes/${classId}/join-code`, { action });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setError("");
    setMessage(action === "regenerate" ? "New code made. The old one no longer works." : action === "disable" ? "Joining is off." : "Joining is on again.");
    router.refresh();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${origin}${path}`);
      setMessage("Link copied.");
    } catch {
      setMessage("Select the link and copy it.");
    }
  }

  return (
    <section aria-labelledby="join-heading" className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="join-heading" className="font-semibold">
        How students join
      </h2>
      {enabled && !readOnly ? (
        <p className="text-sm">
          Share the link <a className="font-mono break-all underline" href={path} data-testid="join-link">{`${origin}${path}`}</a> or the code{" "}
          <strong className="font-mono text-lg tracking-wider" data-testid="join-code">
            {code}
          </strong>{" "}
          (students enter it at /classes).
        </p>
      ) : (
        <p className="text-sm" data-testid="join-disabled">
          {readOnly ? "This class is archived: nobody can join it." : "Joining is off: the code and link do not work until you turn joining on again."}
        </p>
      )}
      {!readOnly && (
        <div className="flex flex-wrap gap-2">
          {enabled && (
            <button type="button" className={secondaryButtonClass} onClick={copy}>
              Copy link
            </button>
          )}
          <button type="button" className={secondaryButtonClass} onClick={() => act("regenerate")} disabled={pending}>
            New code
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => act(enabled ? "disable" : "enable")} disabled={pending}>
            {enabled ? "Turn joining off" : "Turn joining on"}
          </button>
        </div>
      )}
      <StatusLine message={message} error={error} />
    </section>
  );
}
