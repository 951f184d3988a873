"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field } from "@/components/ui/field";
import { sendJson } from "./class-api";
import { StatusLine } from "./form-parts";

/** /classes: a student types the code their instructor gave them. */
export function JoinClassForm() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const entry = new FormData(event.currentTarget).get("code");
    const code = typeof entry === "string" ? entry : "";
    setPending(true);
    const result = await sendJson<{ classId: string }>("POST", "/api/classes/join", { code });
    setPending(false);
    if (!result.ok) return setError(result.fields.code ?? result.error);
    setError("");
    router.push(`/classes?joined=${encodeURIComponent(result.data.classId)}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-labelledby="join-heading">
      <h2 id="join-heading" className="sr-only">
        Join a class
      </h2>
      <div className="w-56">
        <Field label="Class code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="7KQ2-M9XD" maxLength={40} required error={error || undefined} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Joining…" : "Join class"}
      </button>
      <StatusLine message={pending ? "Joining…" : ""} />
    </form>
  );
}
