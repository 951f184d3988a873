// `npm test`: every test. The code-health gates (dead code, lint), unit tests, the content checker and
// the type check, then a production build served on a free port against a throw-away database, then the
// Playwright suite in a real browser.
//   --e2e-only   skip the gates and the unit stage
//   --pg         run the e2e suite against a throw-away PostgreSQL as well (needs PostgreSQL installed)
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bin, run, tsx } from "./lib/proc.mjs";
import { ensureBrowser } from "./lib/browser.mjs";
import { freePort, startTempPostgres } from "./pg-temp.mjs";
import { buildFingerprint } from "./lib/build-fingerprint.mjs";
import { markStartupChunks } from "./lib/compile-hints.mjs";

const args = new Set(process.argv.slice(2));
const started = Date.now();
const totals = { passed: 0, failed: 0 };
const timings = [];

async function stage(name, work) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    await work();
  } finally {
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
}

function countFromJson(file, read) {
  if (!existsSync(file)) return;
  const counts = read(JSON.parse(readFileSync(file, "utf8")));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
}

const scratch = mkdtempSync(path.join(tmpdir(), "af-test-"));
let failure = null;
try {
  if (!args.has("--e2e-only")) {
    // Cheap gates first, so a stray export or a lint error fails in seconds rather than after the suite.
    await stage("dead code (knip)", () => run(bin("knip"), []));
    // One thread (as `npm run lint`): with --concurrency 2 each worker built its own type-checked program,
    // and on 2 cores that took longer (68–71 s against 55–58 s) and 3.6 GB of memory against 2.1 GB.
    await stage("lint (ESLint, zero warnings)", () => run(bin("eslint"), [".", "--max-warnings", "0"]));
    await stage("unit tests (vitest)", async () => {
      const report = path.join(scratch, "vitest.json");
      try {
        await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
      } finally {
        countFromJson(report, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTests - r.numPassedTests - r.numFailedTests - r.numPendingTests - r.numTodoTests) }));
      }
    });
    await stage("content check", () => tsx("scripts/content-check.ts"));
    await stage("type check", () => run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]));
  }

  const browser = await ensureBrowser();
  const databaseUrl = `file:${path.join(scratch, "e2e.db")}`;
  const baseEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123" };
  await stage("production build", async () => {
    await tsx("scripts/content-build.ts", [], { env: baseEnv });
    await tsx("scripts/prepare.ts", [], { env: baseEnv });
    await run(bin("next"), ["build"], { env: { ...baseEnv, NODE_ENV: "production" } });
    markStartupChunks();
    writeFileSync(".next/af-build-fingerprint", buildFingerprint());
  });

  // The benchmark is not a test: CI only checks that it starts and measures one page (nginx and wrk
  // come from Debian, installed when missing). It fails on an error, never on a timing.
  await stage("bench smoke (npm run bench -- --quick, one page)", () =>
    run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bench/run.ts", "--quick", "--no-build", "--skip=content,conformal,floor,submissions,postgres,lighthouse", "--pages=lesson-1"], { env: baseEnv }),
  );

  const e2e = async (label, env) => {
    const port = String(await freePort());
    const report = path.join(scratch, `playwright-${label}.json`);
    try {
      await run(bin("playwright"), ["test"], {
        env: { ...env, E2E_PORT: port, CHROMIUM_PATH: browser, PLAYWRIGHT_JSON_OUTPUT_NAME: report, E2E_LABEL: label },
      });
    } finally {
      countFromJson(report, (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }));
    }
  };
  await stage("end-to-end tests (Playwright, SQLite)", () => e2e("sqlite", baseEnv));

  if (args.has("--pg") || process.env.TEST_POSTGRES === "1") {
    await stage("end-to-end tests (Playwright, PostgreSQL)", async () => {
      const pg = await startTempPostgres();
      try {
        const env = { ...baseEnv, DATABASE_URL: pg.url };
        await tsx("scripts/prepare.ts", [], { env });
        await e2e("postgres", env);
      } finally {
        pg.stop();
      }
    });
  }
} catch (error) {
  failure = error;
}

console.log(`\n${timings.join(" · ")} · total ${((Date.now() - started) / 1000).toFixed(1)}s`);
if (failure) {
  console.error(`test: FAILED: ${failure.message}`);
  if (totals.failed === 0) totals.failed = 1; // a stage without a test count (build, check) failed
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failure || totals.failed ? 1 : 0);
