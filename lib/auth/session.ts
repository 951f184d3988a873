import "server-only";
// The one place that decides who the caller is and whether they may proceed. Every page, route handler
// and action goes through requirePageUser / requireApiUser; the role is read fresh from the database,
// so a role change takes effect at once.
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import type { SessionUser } from "./accounts";
import { authOptions } from "./options";
import { hasRole, isRole, type Role } from "./roles";

/**
 * The signed-in user's id from the session cookie. Only decrypts and verifies the JWT: getServerSession
 * would run next-auth's whole session endpoint (callbacks, re-encrypting and re-setting the cookie) on
 * every request, which dominated the cost of a quiz submission. The browser's SessionProvider still
 * refreshes the cookie through /api/auth/session.
 */
async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const token = await getToken({
    req: { cookies: Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])), headers: {} } as never,
    secret: authOptions().secret,
  });
  return typeof token?.uid === "string" ? token.uid : null;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  const id = await sessionUserId();
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
  if (!user || !isRole(user.role)) return null;
  return { ...user, role: user.role };
}

/** For pages: redirects to sign-in when signed out, renders 403 when the role is too low. */
export async function requirePageUser(role: Role, callbackPath: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

export class AuthError extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in to do this." : "You do not have permission to do this.");
  }
}

/** For route handlers: throws AuthError (401 or 403), which lib/http/route.ts turns into a response. */
export async function requireApiUser(role: Role): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError(401);
  if (!hasRole(user.role, role)) throw new AuthError(403);
  return user;
}
