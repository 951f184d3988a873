"use client";
import { ApiError, apiRequest } from "@/lib/http/api-client";
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
      await apiRequest("/api/account/password", { method: "POST", body: parsed.data });
      form.reset();
      setStatus("saved");
    } catch (error) {
      setStatus("idle");
      if (error instanceof ApiError && error.status > 0) return setErrors(Object.keys(error.fields).length > 0 ? error.fields : { form: error.message });
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
