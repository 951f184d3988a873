// First-load JS: the scripts a page's HTML makes a module-capable browser fetch, gzipped (level 9, as a
// static server would precompress them). The floor is an empty App Router page built by the project's
// own Next.js and React (bench/floor-app): what the framework alone ships. Pages are reported against it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { markStartupChunks } from "../scripts/lib/compile-hints.mjs";

export type FirstLoadJs = { scripts: number; rawKb: number; gzipKb: number };

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/** Sums the scripts `html` loads, read from the build directory that served them. */
export function firstLoadJsOf(html: string, buildDir = ".next"): FirstLoadJs {
  // A noModule script (Next's legacy polyfills) is never fetched by a browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((match) => !/\snomodule\b/i.test(match[0]));
  const sources = [...new Set(tags.map((match) => match[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = readFileSync(path.join(buildDir, decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0]!)));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, rawKb: kb(raw), gzipKb: kb(gzip) };
}

const FLOOR_APP = path.join("bench", "floor-app");

/** Builds bench/floor-app when it has no build for the installed Next.js and React, then measures it. */
export function firstLoadFloor(): FirstLoadJs & { nextVersion: string } {
  const versions = ["next", "react", "react-dom"].map((name) => `${name}@${(JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version}`).join(" ");
  const stamp = path.join(FLOOR_APP, ".next", "af-floor-versions");
  const html = path.join(FLOOR_APP, ".next", "server", "app", "index.html");
  if (!existsSync(html) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== versions) {
    process.stdout.write(`bench: building the empty App Router page (${FLOOR_APP}) for the first-load JS floor…\n`);
    execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { cwd: FLOOR_APP, stdio: "ignore", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    writeFileSync(stamp, versions);
  }
  // The same last build step as the app's, so floor and pages carry the same bytes per chunk.
  markStartupChunks(path.join(FLOOR_APP, ".next"));
  return { ...firstLoadJsOf(readFileSync(html, "utf8"), path.join(FLOOR_APP, ".next")), nextVersion: versions };
}
