import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { bundleAppServer } from "@/scripts/lib/app-server-bundle.mjs";

test("running the start command's set-up twice leaves one demo account of each kind", () => {
  test.setTimeout(120_000);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "af-start-")), "app.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  for (let run = 0; run < 2; run++) {
    execFileSync(process.execPath, ["scripts/start.mjs", "--prepare-only"], { env, stdio: "pipe" });
  }
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT role, COUNT(*) AS n FROM User GROUP BY role ORDER BY role").all();
  const quizVersions = db.prepare("SELECT COUNT(*) AS n FROM QuizVersion").get() as { n: number };
  db.close();
  expect(rows).toEqual([
    { role: "admin", n: 1 },
    { role: "instructor", n: 1 },
    { role: "student", n: 1 },
  ]);
  expect(quizVersions.n).toBeGreaterThanOrEqual(5);
});

test("the app server refuses to start on a SQLite file that does not exist: exit status 1 and a message naming it", async () => {
  test.setTimeout(120_000);
  const missing = path.join(mkdtempSync(path.join(tmpdir(), "af-start-")), "never-prepared.db");
  const bundle = await bundleAppServer();
  const run = spawnSync(process.execPath, [bundle, "--port", "0", "--hostname", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${missing}`, NEXTAUTH_SECRET: "start-test-secret-start-test-secret-0123" },
    encoding: "utf8",
    timeout: 90_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`cannot open the database file:${missing}`);
  expect(run.stderr).toContain("npm run db:prepare");
  expect(existsSync(missing)).toBe(false); // nothing created behind the learner's back
});
