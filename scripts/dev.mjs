// `npm run dev`: migrate and seed, then the content compiler in watch mode beside the app server in
// development mode (Next's dev server behind the same request pipeline as `npm start`).
// Saving a lesson recompiles it (about 100 ms) and the open page refreshes itself.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { bundleAppServer } from "./lib/app-server-bundle.mjs";
import { tsx } from "./lib/proc.mjs";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "file:./data/app.db", NEXT_TELEMETRY_DISABLED: "1" };
await tsx("scripts/content-build.ts", [], { env }).catch(() => console.warn("dev: some lessons failed to compile; see above"));
await tsx("scripts/prepare.ts", [], { env });
if (!env.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = readFileSync("data/.nextauth-secret", "utf8").trim();

const children = [
  spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/content-build.ts", "--watch"], { stdio: "inherit", env }),
  // The same app server as `npm start` (scripts/server.ts), with Next in development mode.
  spawn(process.execPath, [await bundleAppServer(), "--dev", "--port", process.env.PORT ?? "3000"], { stdio: "inherit", env }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
children.forEach((child) => child.on("exit", (code) => { stop(); process.exitCode = code ?? 0; }));
