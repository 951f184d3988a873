import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">Create your account</h1>
      <SignUpForm callbackUrl={safeCallbackPath(callbackUrl, env().NEXTAUTH_URL)} />
    </div>
  );
}
