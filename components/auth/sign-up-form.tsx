"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { refreshSession } from "@/components/auth/use-session";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field } from "@/components/ui/field";
import { fieldErrors, signUpSchema } from "@/lib/auth/schemas";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setPending(true);
    try {
      const response = await fetch("/api/account/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (!response.ok) {
        const payload = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
        return setErrors(payload.fields ?? { form: payload.error ?? "Sign-up failed. Please try again." });
      }
      // Sign-up answers the same whether or not the email already had an account; signing in tells.
      const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (result?.error === "CredentialsSignin" || result?.error === "Wrong email or password.") {
        return setErrors({ form: "We could not sign you in. If this email already has an account, sign in with its password instead." });
      }
      if (result?.error) return setErrors({ form: result.error });
      await refreshSession();
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setErrors({ form: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  // method="post": a submit that lands before hydration must not put the password in the URL.
  return (
    <form method="post" onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-4">
      <Field label="Name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password (at least 8 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {errors.form}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="text-sm">
        Already have an account?{" "}
        <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
