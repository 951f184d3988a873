import { securityHeaders } from "./lib/security/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules and the MDX compiler run in Node only; keep them out of the server bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "esbuild",
    "mdx-bundler",
    // The studio's compile pool: piscina starts its worker threads from its own files in node_modules.
    "piscina",
  ],
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  // The compiled course is read from .content/ at run time; trace it into standalone output too.
  outputFileTracingIncludes: { "/**": ["./.content/**/*"] },
  // CSP and friends: lib/security/security-headers.mjs, docs/decisions/0008-content-security-policy.md.
  async headers() {
    return securityHeaders({ dev: process.env.NODE_ENV === "development" });
  },
};

export default nextConfig;
