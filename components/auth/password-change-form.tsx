"use client";
import { useState } from "react";
import { buttonClass, Field } from "@/components/ui/field";
import { fieldErrors, passwordChangeSchema } from "@/lib/auth/schemas";

export function PasswordChangeForm() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = passwordChangeSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setStatus("saving");
    try {
      const response = await fetch("/api/account/password", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
      if (!response.ok) {
        const payload = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
        setStatus("idle");
        return setErrors(payload.fields ?? { form: payload.error ?? "Your password was not changed. Please try again." });
      }
      form.reset();
      setStatus("saved");
    } catch {
      setStatus("idle");
      setErrors({ form: "Could not reach the server. Your password was not changed." });
    }
  }

  // method="post": a submit that lands before hydration must not put the password in the URL.
  return (
    <form method="post" onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-4">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <Field label="New password (at least 8 characters)" name="newPassword" type="password" autoComplete="new-password" required error={errors.newPassword} />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {errors.form}
      </div>
      <div role="status" aria-live="polite" className="text-sm text-green-700 dark:text-green-400">
        {status === "saved" && "Password changed. Your other devices are signed out."}
      </div>
      <button type="submit" className={buttonClass} disabled={status === "saving"}>
        {status === "saving" ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
