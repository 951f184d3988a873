import "server-only";
// The one place that decides who the caller is and whether they may proceed. Every page, route handler
// and action goes through requirePageUser / requireApiUser. The session JWT says which user and which
// session; the database says whether that session is still live and what the user's role is now, on
// every request, so a sign-out, a revocation or a role change takes effect at once.
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/http/session-cookies";
import type { SessionUser } from "./accounts";
import { authOptions } from "./options";
import { hasRole, type Role } from "./roles";
import { readLiveSession } from "./session-store";
import { type TokenClaims, VerifiedTokenCache } from "./verified-token-cache";

const verifiedTokens = new VerifiedTokenCache();

/**
 * Who the session cookie says the caller is, and which session. Only decrypts and verifies the JWT:
 * getServerSession would run next-auth's whole session endpoint (callbacks, re-encrypting and re-setting
 * the cookie) on every request. A token verified once is remembered until it expires
 * (verified-token-cache.ts); whether its session is still live is not remembered, but read below.
 */
async function sessionClaims(): Promise<TokenClaims | null> {
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
  // A token from before sessions were stored (no sid) is treated as signed out.
  if (typeof token?.uid !== "string" || typeof token.sid !== "string") return null;
  const claims = { userId: token.uid, sessionId: token.sid };
  if (typeof token.exp === "number") verifiedTokens.remember(cacheKey, claims, token.exp * 1000);
  return claims;
}

/** The signed-in user, read fresh from the database, or null when signed out or the session has ended. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const claims = await sessionClaims();
  return claims ? readLiveSession(claims.sessionId, claims.userId) : null;
}

/** The id of the caller's session, for "end my other sessions". */
export async function currentSessionId(): Promise<string | null> {
  return (await sessionClaims())?.sessionId ?? null;
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
