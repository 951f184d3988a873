// Environment variables, validated once with zod. A bad value fails start-up with one clear line.
import { z } from "zod";
import { parseRateLimitOverrides } from "@/lib/security/rate-limit-rules";
import { compileTrustedProxies } from "@/lib/server/client-address";

const DEFAULT_DATABASE_URL = "file:./data/app.db";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
        message: "must start with file: (SQLite) or postgres:// (PostgreSQL)",
      }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Keys quiz choice ids and versions; generated under data/ when unset (lib/content/quiz-secret.ts). */
    CHOICE_ID_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.url("must be an absolute URL such as http://localhost:3000").optional(),
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    /** Where content:build writes and the app reads compiled courses (.content by default; public/ and server/). */
    CONTENT_OUTPUT_DIR: z
      .string()
      .default(".content")
      .refine((value) => !/[\0\n\r]/.test(value), { message: "must be a directory path (no NUL or line breaks)" }),
    // The reverse proxies (load balancers) in front of the app, whose X-Forwarded-For is believed:
    // comma-separated addresses, CIDR ranges, or loopback / linklocal / uniquelocal. Unset: none, and
    // every client is known by its socket address (docs/operations.md).
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
      .superRefine((list, context) => {
        try {
          compileTrustedProxies(list);
        } catch (error) {
          context.addIssue({ code: "custom", message: `must list addresses, CIDR ranges, loopback, linklocal or uniquelocal (${(error as Error).message})` });
        }
      }),
    // Overrides of the named rate limits (lib/security/rate-limit-rules.ts), e.g. "sign-up-address=60/1h".
    RATE_LIMITS: z
      .string()
      .default("")
      .transform((value, context) => {
        try {
          return parseRateLimitOverrides(value);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
  })
  .refine((env) => Boolean(env.GITHUB_ID) === Boolean(env.GITHUB_SECRET), {
    message: "set both GITHUB_ID and GITHUB_SECRET, or neither",
    path: ["GITHUB_ID"],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError whose message names each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "env"} ${issue.message}`);
    throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type DatabaseTarget = { provider: "sqlite"; url: string; file: string } | { provider: "postgresql"; url: string };

export function databaseTarget(url: string): DatabaseTarget {
  if (url.startsWith("file:")) return { provider: "sqlite", url, file: url.slice("file:".length) };
  return { provider: "postgresql", url };
}
