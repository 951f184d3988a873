"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/field";
import { sendJson } from "./class-api";
import { StatusLine } from "./form-parts";

/** /join/<code>: joining is a deliberate press, because it shares the student's progress with the class. */
export function JoinConfirm({ code, className }: { code: string; className: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function join() {
    setPending(true);
    const result = await sendJson<{ classId: string }>("POST", "/api/classes/join", { code });
    if (!result.ok) {
      setPending(false);
      return setError(result.fields.code ?? result.error);
    }
    router.push(`/classes?joined=${encodeURIComponent(result.data.classId)}`);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <button type="button" className={buttonClass} onClick={join} disabled={pending}>
        {pending ? "Joining…" : `Join ${className}`}
      </button>
      <StatusLine error={error} />
    </div>
  );
}
