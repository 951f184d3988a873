"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { sendJson } from "./class-api";
import { secondaryButtonClass, StatusLine } from "./form-parts";

type Instructor = { userId: string; name: string; email: string; role: string };
type Props = { classId: string; instructors: Instructor[]; canManage: boolean; readOnly: boolean };

/** Who teaches the class; the owner (or an admin) adds co-instructors by the email of their instructor account. */
export function CoInstructors({ classId, instructors, canManage, readOnly }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const editable = canManage && !readOnly;

  async function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const entry = new FormData(form).get("email");
    const email = typeof entry === "string" ? entry : "";
    setPending(true);
    const result = await sendJson<{ name: string }>("POST", `/api/classes/${classId}/instructors`, { email });
    setPending(false);
    if (!result.ok) return setErrors({ ...result.fields, form: result.fields.email ? "" : result.error });
    setErrors({});
    setMessage(`${result.data.name} now co-teaches this class.`);
    form.reset();
    router.refresh();
  }

  async function remove(instructor: Instructor) {
    const result = await sendJson("DELETE", `/api/classes/${classId}/instructors/${encodeURIComponent(instructor.userId)}`);
    if (!result.ok) return setErrors({ form: result.error });
    setMessage(`${instructor.name} no longer teaches this class.`);
    router.refresh();
  }

  return (
    <section aria-labelledby="instructors-heading" className="space-y-3">
      <h2 id="instructors-heading" className="text-xl font-semibold">
        Instructors
      </h2>
      <ul className="space-y-2" data-testid="instructors">
        {instructors.map((instructor) => (
          <li key={instructor.userId} className="flex flex-wrap items-center gap-3">
            <span>
              {instructor.name} <span className="text-sm text-zinc-600 dark:text-zinc-400">{instructor.email}</span>
              {instructor.role === "owner" && <span className="ml-2 rounded bg-zinc-200 px-1.5 text-xs dark:bg-zinc-800">owner</span>}
            </span>
            {editable && instructor.role !== "owner" && (
              <button type="button" className={secondaryButtonClass} onClick={() => remove(instructor)} aria-label={`Remove ${instructor.name} as co-instructor`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable ? (
        <form onSubmit={add} noValidate className="flex flex-wrap items-end gap-3">
          <div className="min-w-64">
            <Field label="Add a co-instructor by email" name="email" type="email" required error={errors.email} />
          </div>
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
            Add co-instructor
          </button>
        </form>
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{readOnly ? "The class is archived." : "Only the class's owner or an admin adds and removes co-instructors."}</p>
      )}
      <StatusLine message={message} error={errors.form} />
    </section>
  );
}
