// `npm run bench`: every benchmark in one run, JSON under bench-results/, a short summary printed.
// Builds first (content + `next build`) when there is no production build of the current sources, as
// `npm start` does; --no-build uses whatever build exists. The page bench starts Debian's nginx and wrk
// (installing them when missing, as .ci/run does for chromium). PostgreSQL figures need PostgreSQL's
// server binaries (scripts/pg-temp.mjs); without them that part is reported as skipped.
// Benchmarks measure; they never assert. How to read the figures: docs/operations.md.
//   --quick          shorter load runs (2 s instead of 5 s; pages: one round of 2 s instead of three of 3 s)
//   --skip=a,b       skip sections: content, conformal, pages, floor, studio, submissions, classes, postgres, lighthouse
//   --pages=a,b      only these pages in the page bench: lesson-1, lesson-4, home
//   --no-build       never build; fail when there is no build
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { startAppServer, type AppServer } from "../scripts/reliability/app-server";
import { runClassesBench } from "./classes-bench";
import { runConformalBench } from "./conformal-bench";
import { runContentBench } from "./content-bench";
import { runLighthouseBench } from "./lighthouse-bench";
import { BENCH_PAGES, runPageBench, type BenchPage } from "./page-bench";
import { runStudioCompilerBench } from "./studio-compiler-bench";
import { buildFingerprint } from "../scripts/lib/build-fingerprint.mjs";
import { markStartupChunks } from "../scripts/lib/compile-hints.mjs";
import { runSubmissionsBench } from "./submissions-bench";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const skip = new Set(args.find((arg) => arg.startsWith("--skip="))?.slice("--skip=".length).split(",") ?? []);
const seconds = quick ? 2 : 5;
const pagesArg = args.find((arg) => arg.startsWith("--pages="))?.slice("--pages=".length).split(",");
const benchPages = (pagesArg ?? Object.keys(BENCH_PAGES)) as BenchPage[];
for (const page of benchPages) if (!(page in BENCH_PAGES)) throw new Error(`--pages: unknown page "${page}" (known: ${Object.keys(BENCH_PAGES).join(", ")})`);

const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
};
const summary: string[] = [];
let failed = false;
const section = async (name: string, work: () => void | Promise<void>) => {
  if (skip.has(name)) return void (results[name] = { skipped: "--skip" });
  const t0 = Date.now();
  process.stdout.write(`bench: ${name}…\n`);
  try {
    await work();
  } catch (error) {
    results[name] = { error: (error as Error).message };
    summary.push(`${name}: FAILED ${(error as Error).message}`);
    failed = true;
  }
  process.stdout.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
};

/** A throw-away SQLite database, migrated and seeded, for the servers the bench starts. */
function freshSqlite(): string {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "af-bench-")), "bench.db")}`;
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/prepare.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  return url;
}

async function withServer<T>(databaseUrl: string, work: (server: AppServer) => Promise<T>): Promise<T> {
  const server = await startAppServer({ databaseUrl });
  try {
    return await work(server);
  } finally {
    await server.kill();
  }
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The production build the bench measures: built here when missing or older than the sources. */
function ensureBuild() {
  const stampFile = ".next/af-build-fingerprint";
  const fingerprint = buildFingerprint();
  const current = existsSync(".next/BUILD_ID") && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
  if (current) return;
  if (args.includes("--no-build")) {
    if (existsSync(".next/BUILD_ID")) return void process.stdout.write("bench: --no-build: measuring the existing build, which may not match the sources\n");
    throw new Error("no production build and --no-build given: run `npm run build` first");
  }
  process.stdout.write("bench: no production build of the current sources: building (npm run build)…\n");
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/content-build.ts"], { stdio: "inherit" });
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  markStartupChunks();
  writeFileSync(stampFile, fingerprint);
}

async function main() {
  ensureBuild();

  await section("content", async () => {
    const content = await runContentBench();
    results.content = content;
    summary.push(`content compile: ${content.lessons} lessons cold ${fmt(content.coldMs)} ms, warm ${fmt(content.warmMs)} ms`);
  });

  await section("conformal", () => {
    const conformal = runConformalBench();
    results.conformal = conformal;
    const rows = (conformal.rows ?? []) as { n: number; exactMs: number; gridScanMs: number; speedup: number }[];
    for (const row of rows) summary.push(`conformal λ̂ n=${row.n}: exact ${row.exactMs} ms, grid ${row.gridScanMs} ms, ${row.speedup}× faster`);
  });

  const sqliteUrl = skip.has("pages") && skip.has("studio") && skip.has("submissions") && skip.has("lighthouse") ? "" : freshSqlite();

  await section("pages", async () => {
    const figures = await withServer(sqliteUrl, (server) => runPageBench(server, { seconds: quick ? 2 : 3, rounds: quick ? 1 : 3, pages: benchPages, levels: [1, 16, 64], floor: !skip.has("floor") }));
    results.pages = figures;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const floor = "gzipKb" in figures.floor ? figures.floor.gzipKb : null;
    const overFloor = (gzipKb: number) => (floor === null ? "" : `, floor + ${(gzipKb - floor).toFixed(1)} kB`);
    if (floor !== null) summary.push(`first-load JS floor (empty App Router page): ${floor} kB gzip`);
    for (const [page, figure] of Object.entries(figures.pages)) {
      summary.push(`${page} ${figure.path}: HTML ${kb(figure.htmlBytes)}, on the wire ${kb(figure.wireBodyBytes)} ${figure.encoding} + ${figure.wireHeaderBytes} B headers; first-load JS ${figure.firstLoadJs.gzipKb} kB gzip${overFloor(figure.firstLoadJs.gzipKb)}`);
      for (const run of figure.load) {
        summary.push(
          `  c${run.connections}: app ${fmt(run.app.perSecond)} req/s (p50 ${run.app.p50Ms} p99 ${run.app.p99Ms} ms) · nginx ${fmt(run.nginx.perSecond)} req/s (p50 ${run.nginx.p50Ms} p99 ${run.nginx.p99Ms} ms) · req/s ratio ${run.ratio}, p99 ${run.p99Ratio}× (medians of ${run.rounds.length})${run.app.non2xx || run.app.errors ? ` · app ${run.app.non2xx} non-2xx ${run.app.errors} errors` : ""}`,
        );
      }
    }
    summary.push(`sandbox /sandbox/conformal: first-load JS ${figures.sandboxFirstLoadJs.gzipKb} kB gzip${overFloor(figures.sandboxFirstLoadJs.gzipKb)}`);
    const generator = Object.values(figures.pages)[0]?.load[0]?.app.generator;
    summary.push(`  (load: ${generator}, nginx ${figures.nginx.brotli ? "gzip_static + brotli_static" : "gzip_static"}, Accept-Encoding: gzip, deflate, br, zstd)`);
  });

  await section("studio", async () => {
    const figures = await withServer(sqliteUrl, (server) => runStudioCompilerBench(server));
    results.studio = { targets: { previewRefusedMs: 2000, healthDuringCompileMs: 100 }, figures };
    for (const [name, run] of Object.entries(figures)) {
      summary.push(`studio preview ${name}: ${run.status} in ${run.ms} ms; /api/health meanwhile p50 ${run.healthP50Ms} ms, max ${run.healthMaxMs} ms (${run.healthPolls} polls)`);
    }
  });

  const submissions = async (label: string, databaseUrl: string) => {
    const figures = await withServer(databaseUrl, (server) => runSubmissionsBench(server, { databaseUrl, seconds }));
    results[`submissions-${label}`] = figures;
    for (const run of figures.http) {
      const tail = run.p50Ms > 0 ? (run.p99Ms / run.p50Ms).toFixed(1) : "–";
      summary.push(`submissions ${label} http c${run.connections}: ${fmt(run.perSecond)}/s p50 ${run.p50Ms} ms p99 ${run.p99Ms} ms (p99/p50 ${tail}), peak RSS ${run.peakRssMb} MB${run.non2xx ? `, ${run.non2xx} non-2xx` : ""}`);
    }
    const ceiling = figures.frameworkCeiling;
    summary.push(`submissions ${label} http ceiling (route refused at its first check) c${ceiling.connections}: ${fmt(ceiling.perSecond)}/s p99 ${ceiling.p99Ms} ms`);
    for (const run of figures.core) {
      summary.push(`submissions ${label} grading core c${run.connections}: ${fmt(run.perSecond)}/s p50 ${run.p50Ms} ms p99 ${run.p99Ms} ms`);
    }
  };
  await section("submissions", () => submissions("sqlite", sqliteUrl));

  const classes = async (label: string, databaseUrl: string) => {
    const figures = await withServer(databaseUrl, (server) => runClassesBench(server, { databaseUrl }));
    results[`classes-${label}`] = figures;
    const { students, quizzes, attempts } = figures.class;
    summary.push(
      `class page ${label}, ${students} students × ${quizzes} quizzes (${attempts} attempts): median ${figures.page.medianMs} ms, p90 ${figures.page.p90Ms} ms, worst ${figures.page.maxMs} ms, server CPU ${figures.page.cpuMedianMs} ms, ${Math.round(figures.page.bytes / 1024)} kB (target < ${figures.targetMs} ms; load average ${figures.page.loadAverage})`,
    );
    for (const [format, timing] of Object.entries(figures.csv)) {
      summary.push(`class CSV ${format} ${label}: median ${timing.medianMs} ms, p90 ${timing.p90Ms} ms, worst ${timing.maxMs} ms, server CPU ${timing.cpuMedianMs} ms, ${Math.round(timing.bytes / 1024)} kB`);
    }
  };
  await section("classes", () => classes("sqlite", freshSqlite()));
  await section("postgres", async () => {
    const { findPostgresBin, startTempPostgres } = await import("../scripts/pg-temp.mjs");
    if (!findPostgresBin()) return void (results.postgres = { skipped: "PostgreSQL server binaries not installed" });
    const pg = await startTempPostgres();
    try {
      execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/prepare.ts"], { env: { ...process.env, DATABASE_URL: pg.url }, stdio: "ignore" });
      await submissions("postgres", pg.url);
      if (!skip.has("classes")) await classes("postgres", pg.url);
    } finally {
      pg.stop();
    }
  });

  await section("lighthouse", async () => {
    const scores = await withServer(sqliteUrl, (server) => runLighthouseBench(server.url.replace("127.0.0.1", "localhost"), { runs: quick ? 1 : 3 }));
    results.lighthouse = scores;
    for (const [page, score] of Object.entries(scores)) {
      summary.push(`lighthouse ${page}: performance ${score.performance} (median run; runs ${score.performanceRuns.join(", ")}), accessibility ${score.accessibility}, best practices ${score.bestPractices}, SEO ${score.seo} (LCP ${score.lcpMs} ms, TBT ${score.tbtMs} ms, CLS ${score.cls})`);
      for (const shift of score.shifts.filter((s) => s.score >= 0.001)) summary.push(`  layout shift ${shift.score}: ${shift.element}`);
      for (const audit of score.failedAudits) summary.push(`  failed audit ${audit}`);
    }
  });

  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  writeFileSync(path.join("bench-results", "latest.json"), JSON.stringify(results, null, 2));
  console.log(`\n${summary.join("\n")}\n\nbench: wrote ${file}`);
  // A section that broke (not a slow one: timings never fail the bench) makes the run fail.
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
