import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

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
