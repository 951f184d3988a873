"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "./class-api";
import { dangerButtonClass, secondaryButtonClass } from "./form-parts";

type Props = { classId: string; userId: string; name: string; status: "removed" | "active" };

/** Remove a student (two steps: the second press confirms) or bring a removed one back. */
export function MemberStatusButton({ classId, userId, name, status }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function apply() {
    setPending(true);
    const result = await sendJson("PATCH", `/api/classes/${classId}/students/${encodeURIComponent(userId)}`, { status });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setConfirming(false);
    router.refresh();
  }

  if (status === "active") {
    return (
      <button type="button" className={secondaryButtonClass} onClick={apply} disabled={pending} aria-label={`Restore ${name} to the class`}>
        Restore
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {confirming ? (
        <>
          <button type="button" className={dangerButtonClass} onClick={apply} disabled={pending} aria-label={`Confirm: remove ${name} from the class`}>
            Confirm removal
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)} aria-label={`Remove ${name} from the class`}>
          Remove
        </button>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
