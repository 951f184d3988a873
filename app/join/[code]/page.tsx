import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { JoinConfirm } from "@/components/classes/join-confirm";
import { requirePageUser } from "@/lib/auth/session";
import { clientAddressOf } from "@/lib/server/client-address";
import { findJoinableClass, type JoinableClass } from "@/lib/classes/join";
import { HttpError } from "@/lib/http/http-error";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a class" };

type Props = { params: Promise<{ code: string }> };

// A signed-out visitor is sent to sign in (or, from there, to sign up) and comes back here.
export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  const user = await requirePageUser("student", `/join/${encodeURIComponent(code)}`);
  let found: JoinableClass | null = null;
  let problem = "";
  try {
    found = await findJoinableClass(user, code, clientAddressOf(await headers()));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    problem = error.message;
  }
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <h1 className="text-2xl font-semibold">{found ? found.name : "Join a class"}</h1>
      {found ? (
        <>
          <p>
            {found.courseTitle}, taught by {found.instructors.join(", ")}.
          </p>
          {found.alreadyMember ? (
            <p data-testid="already-member">
              You are already in this class. <Link href="/classes" className="underline">See your classes</Link>.
            </p>
          ) : (
            <>
              <p className="rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-900">
                When you join, the class&apos;s instructors see your progress and quiz grades in {found.courseTitle}, including attempts you made before
                joining. Classmates see nothing of yours.
              </p>
              <JoinConfirm code={code} className={found.name} />
            </>
          )}
        </>
      ) : (
        <>
          <p role="alert" data-testid="join-problem">
            {problem}
          </p>
          <p>
            <Link href="/classes" className="underline">
              Enter a code on your classes page
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
