// `npm start`: compile the course, migrate and seed the database, build when sources changed, serve.
//   --prepare-only   stop after migrate + seed (used by tests and by deploy scripts)
//   --no-build       serve the existing build as is
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { bundleAppServer } from "./lib/app-server-bundle.mjs";
import { bin, run, tsx } from "./lib/proc.mjs";
import { buildFingerprint } from "./lib/build-fingerprint.mjs";
import { markStartupChunks } from "./lib/compile-hints.mjs";

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
    markStartupChunks();
    writeFileSync(stampFile, fingerprint);
  }
}

// The app server (scripts/server.ts) wraps Next's request handler: client addresses, method policy.
const server = await bundleAppServer();
console.log(`start: serving on http://localhost:${port}`);
await run(process.execPath, [server, "--port", port], { env: { ...env, NODE_ENV: "production" } });
