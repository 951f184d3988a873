// `npm start`: compile the course, migrate and seed the database, build when sources changed, serve.
//   --prepare-only   stop after migrate + seed (used by tests and by deploy scripts)
//   --no-build       serve the existing build as is
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { bin, run, tsx } from "./lib/proc.mjs";
import { buildFingerprint } from "./lib/build-fingerprint.mjs";

const args = new Set(process.argv.slice(2));
const port = process.env.PORT ?? "3000";
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "file:./data/app.db" };

await tsx("scripts/content-build.ts", [], { env });
await tsx("scripts/prepare.ts", [], { env });
if (args.has("--prepare-only")) process.exit(0);

// next-auth reads the secret from the environment; use the one prepare.ts generated and kept under data/.
if (!env.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = readFileSync("data/.nextauth-secret", "utf8").trim();
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const stampFile = ".next/af-build-fingerprint";
if (!args.has("--no-build")) {
  const fingerprint = buildFingerprint();
  const built = existsSync(".next/BUILD_ID") && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
  if (!built) {
    console.log("start: building the app (first start, or sources changed)…");
    await run(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
    writeFileSync(stampFile, fingerprint);
  }
}

console.log(`start: serving on http://localhost:${port}`);
// Our entry (scripts/serve.ts) instead of `next start`: Next.js behind the in-memory page cache.
// No react-server condition here: Next.js loads its own server and client React builds.
await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", "--port", port], { env: { ...env, NODE_ENV: "production" } });
