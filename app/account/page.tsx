import type { Metadata } from "next";
import { PasswordChangeForm } from "@/components/auth/password-change-form";
import { SessionControls } from "@/components/auth/session-controls";
import { hasPassword } from "@/lib/auth/accounts";
import { requirePageUser } from "@/lib/auth/session";
import { countLiveSessions } from "@/lib/auth/session-store";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("student", "/account");
  const [sessions, withPassword] = await Promise.all([countLiveSessions(user.id), hasPassword(user.id)]);
  return (
    <div className="mx-auto max-w-md space-y-10">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Signed in as {user.name} ({user.email}).
        </p>
      </div>
      {withPassword && (
        <section aria-labelledby="password-heading" className="space-y-4">
          <h2 id="password-heading" className="text-lg font-semibold">
            Change your password
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Changing it signs you out on every other device.</p>
          <PasswordChangeForm />
        </section>
      )}
      <section aria-labelledby="sessions-heading" className="space-y-4">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="session-count">
          {sessions === 1 ? "You are signed in on this device only." : `You are signed in ${sessions} times, on this device and others.`}
        </p>
        <SessionControls others={sessions - 1} />
      </section>
    </div>
  );
}
