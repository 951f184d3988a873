"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "./class-api";
import { dangerButtonClass, secondaryButtonClass, StatusLine } from "./form-parts";

/** Archive (read-only, nobody joins, students keep seeing their grades) or restore the class. */
export function ArchivePanel({ classId, archived, canManage }: { classId: string; archived: boolean; canManage: boolean }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function toggle() {
    if (!archived && !window.confirm("Archive this class? It becomes read-only and nobody can join it. You can restore it later.")) return;
    setPending(true);
    const result = await sendJson("PATCH", `/api/classes/${classId}`, { archived: !archived });
    setPending(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
  }

  return (
    <section aria-labelledby="archive-heading" className="space-y-2">
      <h2 id="archive-heading" className="text-xl font-semibold">
        {archived ? "Archived" : "Archive"}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {archived
          ? "This class is read-only: nobody can join, and the roster, due dates and grades stay as they were. Restoring it makes it editable again."
          : "When the class is over, archive it: it becomes read-only and nobody can join. Nothing is deleted: every attempt and grade stays, for you and for your students."}
      </p>
      {canManage ? (
        <button type="button" className={archived ? secondaryButtonClass : dangerButtonClass} onClick={toggle} disabled={pending}>
          {archived ? "Restore class" : "Archive class"}
        </button>
      ) : (
        <p className="text-sm">Only the class&apos;s owner or an admin can {archived ? "restore" : "archive"} it.</p>
      )}
      <StatusLine error={error} />
    </section>
  );
}
