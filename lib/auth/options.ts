import "server-only";
// next-auth v4 configuration: email + password credentials (JWT sessions, as Credentials requires),
// and GitHub OAuth when GITHUB_ID and GITHUB_SECRET are set. The JWT names a Session row
// (lib/auth/session-store.ts), which is what makes a session revocable.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { safeRedirectUrl } from "@/lib/http/safe-redirect";
import { clientAddressOf } from "@/lib/server/client-address";
import { cleanDisplayName } from "./display-name";
import { signInSchema } from "./schemas";
import { ensureAuthSecret } from "./secret";
import { endSession, readLiveSession, SESSION_IDLE_MS, startSession } from "./session-store";
import { signInWithPassword, SignInRefused } from "./sign-in";

/** Thrown from the jwt callback for a session that was ended; next-auth then clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super("This session has ended.");
  }
}

let cached: NextAuthOptions | undefined;

/** Built once per process: the providers and the secret do not change while the server runs. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

function buildAuthOptions(): NextAuthOptions {
  const config = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error("Enter your email and password.");
        try {
          return await signInWithPassword(parsed.data.email, parsed.data.password, clientAddressOf(request?.headers ?? {}));
        } catch (error) {
          // next-auth shows an Error's message to the user; anything unexpected gets a generic one.
          if (error instanceof SignInRefused) throw new Error(error.message);
          console.error("sign-in failed", error);
          throw new Error("Sign-in is not available right now. Please try again in a minute.");
        }
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }

  return {
    secret: ensureAuthSecret(config.NEXTAUTH_SECRET),
    // The cookie's life, renewed each time the browser asks /api/auth/session. The Session row's own
    // expiry (idle and absolute) is what the server enforces.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_MS / 1000 },
    pages: { signIn: "/signin" },
    providers,
    logger: {
      error(code, metadata) {
        // An ended session is an expected answer, not a server error.
        if (code === "JWT_SESSION_ERROR" && (metadata instanceof SessionEnded || (metadata as { error?: unknown })?.error instanceof SessionEnded)) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "github") return true;
        const email = (profile?.email ?? user.email)?.toLowerCase();
        if (!email) return false;
        const existing = await db().user.upsert({
          where: { email },
          update: { githubId: account.providerAccountId },
          create: { email, name: cleanDisplayName(user.name ?? "") || email, githubId: account.providerAccountId },
        });
        user.id = existing.id;
        return true;
      },
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async jwt({ token, user }) {
        if (user) {
          // A fresh sign-in: a new Session row, whose id the token carries from now on.
          token.uid = user.id;
          token.sid = await startSession(user.id);
        }
        // Every time the browser asks for its session: is it still live, and who is the user now?
        const live = typeof token.uid === "string" && typeof token.sid === "string" ? await readLiveSession(token.sid, token.uid) : null;
        if (!live) throw new SessionEnded();
        token.role = live.role;
        token.name = live.name;
        return token;
      },
      session({ session, token }) {
        // The role here only chooses which links to show. Every server check reads it from the
        // database per request (lib/auth/session.ts), so it is never trusted from the token.
        if (session.user && typeof token.uid === "string") {
          Object.assign(session.user, { id: token.uid, role: token.role, name: token.name });
        }
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}
