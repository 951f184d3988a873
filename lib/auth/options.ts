import "server-only";
// next-auth v4 configuration: email + password credentials (JWT sessions, as Credentials requires),
// and GitHub OAuth when GITHUB_ID and GITHUB_SECRET are set.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkCredentials } from "./accounts";
import { checkAll, describeRetry, FailureRateLimiter } from "./rate-limit";

import { signInSchema } from "./schemas";
import { ensureAuthSecret } from "./secret";

const FIFTEEN_MINUTES = 15 * 60_000;
// Per email: a few guesses at one account. Per IP: more room, since many people can share an address.
const failuresByEmail = new FailureRateLimiter({ maxFailures: 5, windowMs: FIFTEEN_MINUTES });
const failuresByIp = new FailureRateLimiter({ maxFailures: 30, windowMs: FIFTEEN_MINUTES });

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "unknown";
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
        const email = parsed.data.email.toLowerCase();
        const ip = clientIp(request?.headers as Record<string, string> | undefined);
        const decision = checkAll([
          [failuresByIp, ip],
          [failuresByEmail, email],
        ]);
        if (!decision.allowed) throw new Error(describeRetry(decision.retryAfterMs));
        const user = await checkCredentials(email, parsed.data.password);
        if (!user) {
          failuresByIp.recordFailure(ip);
          failuresByEmail.recordFailure(email);
          throw new Error("Wrong email or password.");
        }
        failuresByEmail.reset(email);
        return user;
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }

  return {
    secret: ensureAuthSecret(config.NEXTAUTH_SECRET),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "github") return true;
        const email = (profile?.email ?? user.email)?.toLowerCase();
        if (!email) return false;
        const existing = await db().user.upsert({
          where: { email },
          update: { githubId: account.providerAccountId },
          create: { email, name: user.name ?? email, githubId: account.providerAccountId },
        });
        user.id = existing.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          const stored = await db().user.findUnique({ where: { id: user.id }, select: { role: true } });
          token.role = stored?.role ?? "student";
        }
        return token;
      },
      async session({ session, token }) {
        // The role here only chooses which links to show. Every server check reads it from the
        // database per request (lib/auth/session.ts), so it is never trusted from the token.
        if (session.user && typeof token.uid === "string") {
          Object.assign(session.user, { id: token.uid, role: token.role });
        }
        return session;
      },
    },
  };
}

