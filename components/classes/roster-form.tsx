"use client";
// Removing or restoring students on the class page: the table's checkboxes (server-rendered, one per row)
// and one bar of buttons here, so a class of 500 costs one client component, not 500. Removal asks for a
// second press; nothing is deleted either way (the student's attempts stay).
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { sendJson } from "./class-api";
import { dangerButtonClass, secondaryButtonClass, StatusLine } from "./form-parts";

type Props = { classId: string; action: "remove" | "restore"; children: React.ReactNode };

export function RosterForm({ classId, action, children }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [confirming, setConfirming] = useState(0);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const selected = () => [...(form.current?.querySelectorAll<HTMLInputElement>('input[name="student"]:checked') ?? [])].map((box) => box.value);
  const noun = (count: number) => (count === 1 ? "1 student" : `${count} students`);

  async function apply(ids: string[]) {
    setPending(true);
    const status = action === "remove" ? "removed" : "active";
    for (const id of ids) {
      const result = await sendJson("PATCH", `/api/classes/${classId}/students/${encodeURIComponent(id)}`, { status });
      if (!result.ok) {
        setPending(false);
        return setError(result.error);
      }
    }
    setPending(false);
    setConfirming(0);
    setError("");
    setMessage(action === "remove" ? `Removed ${noun(ids.length)}. Their attempts are kept.` : `Restored ${noun(ids.length)}.`);
    router.refresh();
  }

  function start(event: React.FormEvent) {
    event.preventDefault();
    const ids = selected();
    if (ids.length === 0) return setError(`Select the students to ${action} first.`);
    setError("");
    if (action === "restore") return void apply(ids);
    setConfirming(ids.length);
  }

  return (
    <form ref={form} onSubmit={start} className="space-y-2">
      {children}
      <div className="flex flex-wrap items-center gap-2">
        {confirming > 0 ? (
          <>
            <button type="button" className={dangerButtonClass} onClick={() => apply(selected())} disabled={pending}>
              Confirm: remove {noun(confirming)}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(0)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
            {action === "remove" ? "Remove selected" : "Restore selected"}
          </button>
        )}
        <StatusLine message={message} error={error} />
      </div>
    </form>
  );
}
