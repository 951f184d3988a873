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
import { VerifiedTokenCache } from "./verified-token-cache";

// next-auth's session cookie: "__Secure-" prefixed over HTTPS, split into ".0", ".1"… when it is large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
const verifiedTokens = new VerifiedTokenCache();

/**
 * The signed-in user's id from the session cookie. Only decrypts and verifies the JWT: getServerSession
 * would run next-auth's whole session endpoint (callbacks, re-encrypting and re-setting the cookie) on
 * every request. A token verified once is remembered until it expires (verified-token-cache.ts). The
 * browser's SessionProvider still refreshes the cookie through /api/auth/session.
 */
async function sessionUserId(): Promise<string | null> {
  const sessionCookies = (await cookies()).getAll().filter((cookie) => SESSION_COOKIE.test(cookie.name));
  if (sessionCookies.length === 0) return null;
  const cacheKey = sessionCookies
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .sort()
    .join(";");
  const known = verifiedTokens.get(cacheKey);
  if (known) return known;
  const token = await getToken({
    req: { cookies: Object.fromEntries(sessionCookies.map((cookie) => [cookie.name, cookie.value])), headers: {} } as never,
    secret: authOptions().secret,
  });
  if (typeof token?.uid !== "string") return null;
  if (typeof token.exp === "number") verifiedTokens.remember(cacheKey, token.uid, token.exp * 1000);
  return token.uid;
}

type UserRow = { id: string; email: string; name: string; role: string };

/** One row by primary key, as a raw query: it runs on every authenticated request, and a raw query skips
 * Prisma's per-call query compilation. Plain SQL that SQLite and PostgreSQL read the same way. */
async function findUserRow(id: string): Promise<UserRow | undefined> {
  const rows = await db().$queryRaw<UserRow[]>`SELECT "id", "email", "name", "role" FROM "User" WHERE "id" = ${id}`;
  return rows[0];
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  const id = await sessionUserId();
  if (!id) return null;
  const user = await findUserRow(id);
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
