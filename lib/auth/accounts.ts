import "server-only";
// Account creation, credential checks and password changes: the domain side of sign-up, sign-in and
// the account page.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/http-error";
import { consume, reset, retryIn } from "@/lib/security/rate-limit";
import { cleanDisplayName } from "./display-name";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import type { Role } from "./roles";
import type { PasswordChangeInput, SignUpInput } from "./schemas";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * Creates the account unless the email already has one, and does not say which happened. Both cases run
 * the same work: hash the password, then one statement that inserts the row or, when the unique index on
 * User.email already holds the email, rewrites that row's email with itself (a write that changes nothing,
 * so both cases also cost one commit). The existing account is untouched. Plain SQL that SQLite and
 * PostgreSQL read the same way.
 */
export async function registerAccount(input: SignUpInput, role: Role = "student"): Promise<void> {
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  await db().$executeRaw`
    INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${email}, ${cleanDisplayName(input.name)}, ${passwordHash}, ${role}, ${now}, ${now})
    ON CONFLICT ("email") DO UPDATE SET "email" = "User"."email"`;
}

/** Why a new password is refused, as a field error, or nothing. */
export function assertAcceptablePassword(password: string, context: { email: string; name: string }, field = "password"): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new HttpError(400, "Choose a stronger password.", { [field]: problem });
}

/** The user for these credentials, or null. Unknown emails cost the same time as wrong passwords. */
export async function checkCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

/**
 * Sets a new password after checking the current one. A wrong current password is a guess at the
 * account, so it counts against the same limit as a failed sign-in. The caller ends the other sessions.
 */
export async function changePassword(user: SessionUser, input: PasswordChangeInput): Promise<void> {
  assertAcceptablePassword(input.newPassword, user, "newPassword");
  const stored = await db().user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!stored?.passwordHash) {
    throw new HttpError(409, "This account signs in with GitHub and has no password to change.", { currentPassword: "This account has no password." });
  }
  const decision = await consume("sign-in-account", user.email);
  if (!decision.allowed) throw new HttpError(429, `Too many wrong passwords. ${retryIn(decision.retryAfterMs)}`);
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    throw new HttpError(400, "Your current password is not right.", { currentPassword: "Wrong password." });
  }
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await reset("sign-in-account", user.email);
}

/** Whether the account has a password (an account made through GitHub has none). */
export async function hasPassword(userId: string): Promise<boolean> {
  const stored = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(stored?.passwordHash);
}
