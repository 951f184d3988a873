// GET load as a browser asks: wrk (Debian) with a browser's Accept-Encoding, one wrk thread, so the
// generator stays off the server's second core. autocannon tops out far below nginx on this machine
// (≈ 700 req/s against wrk's 5,000+ for the same lesson), which would hide the gap to a static server;
// it is only the fallback when wrk cannot be installed, and the figures then say so.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { autocannonRun } from "./submissions-bench";
import { ensureWrk } from "./system-tools";

export const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br, zstd",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
};

export type GetLoadFigures = {
  generator: "wrk" | "autocannon";
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Bytes received per response, headers included. */
  bytesPerResponse: number;
  errors: number;
  non2xx: number;
};

// wrk's Lua hook prints one JSON line with the figures the bench needs (latency in microseconds).
const WRK_REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nAF_JSON {"requests":%d,"durationUs":%d,"bytes":%d,"errors":%d,"status":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
`;

let wrkBinary: string | null | undefined;
let reportScript: string | undefined;

export async function getLoad(url: string, connections: number, seconds: number): Promise<GetLoadFigures> {
  if (wrkBinary === undefined) wrkBinary = ensureWrk();
  if (!wrkBinary) {
    const figures = await autocannonRun({ url, connections, duration: seconds, headers: BROWSER_HEADERS });
    return { generator: "autocannon", connections, seconds, requests: figures.requests, perSecond: round(figures.perSecond), p50Ms: figures.p50Ms, p99Ms: figures.p99Ms, bytesPerResponse: 0, errors: figures.errors, non2xx: figures.non2xx };
  }
  if (!reportScript) {
    reportScript = path.join(tmpdir(), `af-bench-wrk-${process.pid}.lua`);
    writeFileSync(reportScript, WRK_REPORT);
  }
  const headerArgs = Object.entries(BROWSER_HEADERS).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const { stdout } = await promisify(execFile)(wrkBinary, ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", reportScript, ...headerArgs, url], { maxBuffer: 1 << 20 });
  const line = stdout.split("\n").find((candidate) => candidate.startsWith("AF_JSON "));
  if (!line) throw new Error(`wrk printed no figures: ${stdout}`);
  const raw = JSON.parse(line.slice("AF_JSON ".length)) as { requests: number; durationUs: number; bytes: number; errors: number; status: number; p50: number; p99: number };
  const elapsed = raw.durationUs / 1e6;
  return {
    generator: "wrk",
    connections,
    seconds: round(elapsed),
    requests: raw.requests,
    perSecond: round(raw.requests / elapsed),
    p50Ms: round(raw.p50 / 1000),
    p99Ms: round(raw.p99 / 1000),
    bytesPerResponse: raw.requests ? Math.round(raw.bytes / raw.requests) : 0,
    errors: raw.errors,
    non2xx: raw.status,
  };
}

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
