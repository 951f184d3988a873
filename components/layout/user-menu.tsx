"use client";
import Link from "next/link";
import { signOut, useSession } from "@/components/auth/use-session";

export function UserMenu() {
  const { data, status } = useSession();
  if (!data?.user) {
    // While the session loads, the signed-out links hold the space (invisible), so the header does not shift.
    return (
      <div className={`flex items-center gap-3 text-sm ${status === "loading" ? "invisible" : ""}`} aria-hidden={status === "loading" || undefined}>
        <Link href="/signin" className="hover:underline">
          Sign in
        </Link>
        <Link href="/signup" className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
          Sign up
        </Link>
      </div>
    );
  }
  const role = data.user.role;
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link href="/classes" className="hover:underline">
        Classes
      </Link>
      {(role === "instructor" || role === "admin") && (
        <Link href="/studio" className="hover:underline">
          Studio
        </Link>
      )}
      {role === "admin" && (
        <Link href="/admin/users" className="hover:underline">
          Admin
        </Link>
      )}
      <Link href="/account" data-testid="signed-in-name" className="font-medium hover:underline" title="Your account">
        {data.user.name}
      </Link>
      <button
        type="button"
        onClick={() => void signOut("/")}
        className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Sign out
      </button>
    </div>
  );
}
