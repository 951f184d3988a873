// Bundles the app server (scripts/server.ts and the lib/ modules it imports) into one ES module that plain
// Node runs, with npm packages (next, zod, proxy-addr…) left as imports. Takes well under a second, so
// start.mjs, dev.mjs and the test harness rebuild it every time rather than track staleness. Written to a
// temporary file and renamed, so a server starting at the same moment never reads half a file.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const APP_SERVER_BUNDLE = path.join(".cache", "app-server.mjs");

export async function bundleAppServer() {
  const result = await build({
    entryPoints: ["scripts/server.ts"],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
    outfile: APP_SERVER_BUNDLE,
  });
  mkdirSync(path.dirname(APP_SERVER_BUNDLE), { recursive: true });
  const temporary = `${APP_SERVER_BUNDLE}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, APP_SERVER_BUNDLE);
  return APP_SERVER_BUNDLE;
}
