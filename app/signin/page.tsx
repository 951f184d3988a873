import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl, env().NEXTAUTH_URL)} githubEnabled={Boolean(env().GITHUB_ID)} />
    </div>
  );
}
