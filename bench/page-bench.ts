// A prerendered lesson page from `next start` against a plain static file server serving the same HTML
// file, side by side (autocannon, 1 and 64 connections), and the page's first-load JS, gzipped.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { AppServer } from "../scripts/reliability/app-server";
import { autocannonRun, type LoadFigures } from "./submissions-bench";

export const BENCH_LESSON = "/courses/alignment-foundations/why-fitting-data-is-not-enough";
const prerenderedFile = (route: string) => path.join(".next/server/app", `${route}.html`);

/** A minimal static server: reads the file from disk per request, as a file server would (OS cache warm). */
async function startStaticServer(file: string) {
  const server = createServer(async (_request, response) => {
    const body = await readFile(file);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function runPageBench(app: AppServer, seconds = 5) {
  const file = prerenderedFile(BENCH_LESSON);
  const staticServer = await startStaticServer(file);
  try {
    const figures: Record<string, { next: LoadFigures; static: LoadFigures; ratio: number }> = {};
    for (const connections of [1, 64]) {
      const next = await autocannonRun({ url: app.url + BENCH_LESSON, connections, duration: seconds });
      const plain = await autocannonRun({ url: staticServer.url + "/", connections, duration: seconds });
      figures[`c${connections}`] = { next, static: plain, ratio: Number((next.perSecond / plain.perSecond).toFixed(3)) };
    }
    return figures;
  } finally {
    await staticServer.close();
  }
}

/** Sum of the gzipped sizes of every script the prerendered lesson HTML loads. */
export function firstLoadJs(route = BENCH_LESSON) {
  const html = readFileSync(prerenderedFile(route), "utf8");
  // A noModule script (Next's legacy polyfills) is never fetched by a browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((match) => !/\snomodule\b/i.test(match[0]));
  const scripts = [...new Set(tags.map((match) => match[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const local = path.join(".next", decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0]!));
    const body = readFileSync(local);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { route, scripts: scripts.length, rawKb: Number((raw / 1024).toFixed(1)), gzipKb: Number((gzip / 1024).toFixed(1)) };
}
