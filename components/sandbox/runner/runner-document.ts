import "server-only";
// Builds the runner frame's document: one inline script (runner-frame.ts, with learner-worker.ts
// inside it as a string), bundled by esbuild so that the frame needs no request to start. The CSP
// allows that script by its hash and nothing else (lib/security/security-headers.mjs, runnerCsp).
import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";

export type RunnerDocument = { html: string; scriptHash: string };

const sourceDir = path.join(process.cwd(), "components/sandbox/runner");

let built: Promise<RunnerDocument> | null = null;

/** Built once per process (the route is prerendered, so in production: once per build). */
export function runnerDocument(): Promise<RunnerDocument> {
  built ??= buildRunnerDocument();
  return built;
}

async function buildRunnerDocument(): Promise<RunnerDocument> {
  const worker = await bundle("learner-worker.ts");
  const frame = await bundle("runner-frame.ts", { LEARNER_WORKER_SOURCE: JSON.stringify(worker) });
  // The script sits inside <script>: no "</script" may end it early (esbuild's output is ASCII).
  const script = frame.replace(/<\/script/gi, "<\\/script");
  const scriptHash = `sha256-${createHash("sha256").update(script, "utf8").digest("base64")}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Learner property runner</title><script>${script}</script></head><body></body></html>`;
  return { html, scriptHash };
}

async function bundle(entry: string, define?: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [path.join(sourceDir, entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define,
    tsconfig: path.join(process.cwd(), "tsconfig.json"),
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
