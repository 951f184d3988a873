// `npm run bench`: every benchmark in one run, JSON under bench-results/, a short summary printed.
// Needs a production build (`npm run build`). PostgreSQL figures need PostgreSQL's server binaries
// (scripts/pg-temp.mjs); without them that part is reported as skipped. Benchmarks measure; they never assert.
//   --quick     shorter load runs (2 s instead of 5 s)
//   --skip=a,b  skip sections: content, conformal, pages, submissions, classes, postgres, lighthouse
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { startAppServer, type AppServer } from "../scripts/reliability/app-server";
import { runClassesBench } from "./classes-bench";
import { runConformalBench } from "./conformal-bench";
import { runContentBench } from "./content-bench";
import { runLighthouseBench } from "./lighthouse-bench";
import { firstLoadJs, runPageBench } from "./page-bench";
import { runSubmissionsBench } from "./submissions-bench";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const skip = new Set(args.find((arg) => arg.startsWith("--skip="))?.slice("--skip=".length).split(",") ?? []);
const seconds = quick ? 2 : 5;

const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
};
const summary: string[] = [];
const section = async (name: string, work: () => Promise<void>) => {
  if (skip.has(name)) return void (results[name] = { skipped: "--skip" });
  const t0 = Date.now();
  process.stdout.write(`bench: ${name}…\n`);
  try {
    await work();
  } catch (error) {
    results[name] = { error: (error as Error).message };
    summary.push(`${name}: FAILED ${(error as Error).message}`);
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

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");

  await section("content", async () => {
    const content = await runContentBench();
    results.content = content;
    summary.push(`content compile: ${content.lessons} lessons cold ${fmt(content.coldMs)} ms, warm ${fmt(content.warmMs)} ms`);
  });

  await section("conformal", async () => {
    const conformal = await runConformalBench();
    results.conformal = conformal;
    const rows = (conformal.rows ?? []) as { n: number; exactMs: number; gridScanMs: number; speedup: number }[];
    for (const row of rows) summary.push(`conformal λ̂ n=${row.n}: exact ${row.exactMs} ms, grid ${row.gridScanMs} ms, ${row.speedup}× faster`);
  });

  const sqliteUrl = skip.has("pages") && skip.has("submissions") && skip.has("lighthouse") ? "" : freshSqlite();

  await section("pages", async () => {
    const js = firstLoadJs();
    const pages = await withServer(sqliteUrl, (server) => runPageBench(server, seconds));
    results.pages = { ...pages, firstLoadJs: js };
    for (const [key, figures] of Object.entries(pages)) {
      summary.push(
        `lesson page ${key}: next ${fmt(figures.next.perSecond)} req/s (p50 ${figures.next.p50Ms} p99 ${figures.next.p99Ms} ms) vs static ${fmt(figures.static.perSecond)} req/s (p50 ${figures.static.p50Ms} p99 ${figures.static.p99Ms} ms): ratio ${figures.ratio}`,
      );
    }
    summary.push(`first-load JS of ${js.route}: ${js.gzipKb} kB gzip (${js.rawKb} kB raw, ${js.scripts} scripts)`);
  });

  const submissions = async (label: string, databaseUrl: string) => {
    const figures = await withServer(databaseUrl, (server) => runSubmissionsBench(server, { databaseUrl, seconds }));
    results[`submissions-${label}`] = figures;
    for (const run of figures.http) {
      summary.push(`submissions ${label} http c${run.connections}: ${fmt(run.perSecond)}/s p50 ${run.p50Ms} ms p99 ${run.p99Ms} ms, peak RSS ${run.peakRssMb} MB${run.non2xx ? `, ${run.non2xx} non-2xx` : ""}`);
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
    const scores = await withServer(sqliteUrl, (server) => runLighthouseBench(server.url.replace("127.0.0.1", "localhost")));
    results.lighthouse = scores;
    for (const [page, score] of Object.entries(scores)) {
      summary.push(`lighthouse ${page}: performance ${score.performance}, accessibility ${score.accessibility}, best practices ${score.bestPractices}, SEO ${score.seo} (LCP ${score.lcpMs} ms, TBT ${score.tbtMs} ms, CLS ${score.cls})`);
      for (const shift of score.shifts.filter((s) => s.score >= 0.001)) summary.push(`  layout shift ${shift.score}: ${shift.element}`);
    }
  });

  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  writeFileSync(path.join("bench-results", "latest.json"), JSON.stringify(results, null, 2));
  console.log(`\n${summary.join("\n")}\n\nbench: wrote ${file}`);
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
