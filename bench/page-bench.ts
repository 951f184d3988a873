// Pages as a browser receives them, side by side with nginx serving the same bytes (bench/nginx-baseline.ts):
// lesson 1, lesson 4 and `/` at 1, 16 and 64 connections, with req/s, p50, p99 and the ratios, the bytes
// on the wire per page, and each page's first-load JS against the empty-page floor.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { AppServer } from "../scripts/reliability/app-server";
import { firstLoadFloor, firstLoadJsOf, type FirstLoadJs } from "./first-load-js";
import { BROWSER_HEADERS, getLoad, type GetLoadFigures } from "./http-load";
import { startNginx } from "./nginx-baseline";

export const BENCH_PAGES = {
  "lesson-1": "/courses/alignment-foundations/why-fitting-data-is-not-enough",
  "lesson-4": "/courses/alignment-foundations/conformal-property-alignment",
  home: "/",
} as const;
export type BenchPage = keyof typeof BENCH_PAGES;
const SANDBOX_PAGE = "/sandbox/conformal";

type Fetched = { status: number; headers: Record<string, string>; encoding: string; headerBytes: number; wireBytes: number; html: Buffer };

/** One GET as a browser sends it, keeping what crossed the wire: the encoded body and the header block. */
function browserGet(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: BROWSER_HEADERS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const wire = Buffer.concat(chunks);
        const encoding = String(response.headers["content-encoding"] ?? "identity");
        const decode: Record<string, (body: Buffer) => Buffer> = { identity: (body) => body, gzip: gunzipSync, br: brotliDecompressSync };
        const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)]));
        // Status line + "name: value\r\n" per header + blank line: what the header block costs on the wire.
        const headerBytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + response.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) + 2;
        try {
          if (!decode[encoding]) throw new Error(`${url}: unexpected Content-Encoding ${encoding}`);
          resolve({ status: response.statusCode ?? 0, headers, encoding, headerBytes, wireBytes: wire.length, html: decode[encoding](wire) });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

type PageFigures = {
  path: string;
  status: number;
  encoding: string;
  htmlBytes: number;
  /** The encoded HTML body as sent, and the response's header block. */
  wireBodyBytes: number;
  wireHeaderBytes: number;
  firstLoadJs: FirstLoadJs;
  /** Per level: the medians over the rounds (each round runs the app, then nginx), and every round. */
  load: Array<{ connections: number; app: GetLoadFigures; nginx: GetLoadFigures; ratio: number; p99Ratio: number; rounds: Array<{ app: GetLoadFigures; nginx: GetLoadFigures }> }>;
};

export type PageBenchFigures = {
  nginx: { brotli: boolean };
  floor: (FirstLoadJs & { nextVersion: string }) | { skipped: string };
  sandboxFirstLoadJs: FirstLoadJs;
  pages: Partial<Record<BenchPage, PageFigures>>;
};

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(3)) : 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** The median of each figure over the rounds, so one noisy run on a shared machine cannot decide a ratio. */
function medianFigures(runs: GetLoadFigures[]): GetLoadFigures {
  return {
    ...runs[0]!,
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    perSecond: median(runs.map((run) => run.perSecond)),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    bytesPerResponse: median(runs.map((run) => run.bytesPerResponse)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  };
}

export async function runPageBench(app: AppServer, options: { seconds: number; rounds: number; pages: BenchPage[]; levels: number[]; floor: boolean }): Promise<PageBenchFigures> {
  const fetched = new Map<BenchPage, Fetched>();
  for (const page of options.pages) {
    const result = await browserGet(app.url + BENCH_PAGES[page]);
    if (result.status !== 200) throw new Error(`${BENCH_PAGES[page]} answered ${result.status}`);
    fetched.set(page, result);
  }
  const brotli = [...fetched.values()].some((result) => result.encoding === "br");
  const nginx = await startNginx(
    [...fetched].map(([page, result]) => ({ name: page, html: result.html, headers: result.headers })),
    { brotli },
  );
  try {
    const pages: PageBenchFigures["pages"] = {};
    for (const [page, result] of fetched) {
      // Both servers answer the same: check the baseline really serves what the app serves, encoded alike.
      const baseline = await browserGet(nginx.url + nginx.pathOf(page));
      if (!baseline.html.equals(result.html) || baseline.encoding !== result.encoding) {
        throw new Error(`nginx does not serve the app's bytes for ${page} (app ${result.encoding}, nginx ${baseline.encoding})`);
      }
      // Warm both (first-request compilation, caches, TCP) before measuring.
      await getLoad(app.url + BENCH_PAGES[page], 8, 1);
      await getLoad(nginx.url + nginx.pathOf(page), 8, 1);
      pages[page] = {
        path: BENCH_PAGES[page],
        status: result.status,
        encoding: result.encoding,
        htmlBytes: result.html.length,
        wireBodyBytes: result.wireBytes,
        wireHeaderBytes: result.headerBytes,
        firstLoadJs: firstLoadJsOf(result.html.toString("utf8")),
        load: [],
      };
    }
    // Side by side, level by level, round by round, so both servers see the same machine weather.
    for (const connections of options.levels) {
      for (const page of fetched.keys()) {
        const rounds: Array<{ app: GetLoadFigures; nginx: GetLoadFigures }> = [];
        for (let round = 0; round < options.rounds; round++) {
          const appRun = await getLoad(app.url + BENCH_PAGES[page], connections, options.seconds);
          rounds.push({ app: appRun, nginx: await getLoad(nginx.url + nginx.pathOf(page), connections, options.seconds) });
        }
        const appFigures = medianFigures(rounds.map((run) => run.app));
        const nginxFigures = medianFigures(rounds.map((run) => run.nginx));
        pages[page]!.load.push({
          connections,
          app: appFigures,
          nginx: nginxFigures,
          ratio: median(rounds.map((run) => ratio(run.app.perSecond, run.nginx.perSecond))),
          p99Ratio: median(rounds.map((run) => ratio(run.app.p99Ms, run.nginx.p99Ms))),
          rounds,
        });
      }
    }
    const sandbox = await browserGet(app.url + SANDBOX_PAGE);
    return {
      nginx: { brotli: nginx.brotli },
      floor: options.floor ? firstLoadFloor() : { skipped: "--skip=floor" },
      sandboxFirstLoadJs: firstLoadJsOf(sandbox.html.toString("utf8")),
      pages,
    };
  } finally {
    await nginx.stop();
  }
}
