"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { refreshSession } from "@/components/auth/use-session";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field } from "@/components/ui/field";
import { fieldErrors, signInSchema } from "@/lib/auth/schemas";

export function SignInForm({ callbackUrl, githubEnabled }: { callbackUrl: string; githubEnabled: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signInSchema.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (result?.error) return setErrors({ form: result.error === "CredentialsSignin" ? "Wrong email or password." : result.error });
    await refreshSession();
    router.push(callbackUrl);
    router.refresh();
  }

  // method="post": a submit that lands before hydration must not put the password in the URL.
  return (
    <form method="post" onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-4" aria-describedby={errors.form ? "form-error" : undefined}>
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <div role="alert" aria-live="assertive" id="form-error" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {errors.form}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {githubEnabled && (
        <button
          type="button"
          onClick={() => void signIn("github", { callbackUrl })}
          className="ml-3 rounded-md border border-zinc-300 px-4 py-2 dark:border-zinc-600"
        >
          Sign in with GitHub
        </button>
      )}
      <p className="text-sm">
        No account yet?{" "}
        <Link className="underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign up
        </Link>
      </p>
    </form>
  );
}
