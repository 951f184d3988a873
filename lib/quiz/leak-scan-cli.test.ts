// Runs scripts/leak-scan.ts as CI does, on a temporary build-like tree, and checks its exit codes.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPublicQuiz } from "./public-view";
import { goodhartQuiz } from "./test-fixtures";

let root: string;

function runScan(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/leak-scan.ts", ...args], { cwd: process.cwd(), encoding: "utf8" });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "leak-scan-"));
  const quiz = goodhartQuiz();
  writeFileSync(join(root, "quizzes.json"), JSON.stringify([quiz]));
  mkdirSync(join(root, "static/chunks"), { recursive: true });
  writeFileSync(join(root, "static/chunks/app.js"), `self.q=${JSON.stringify(toPublicQuiz(quiz))};`);
  writeFileSync(join(root, "static/logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  writeFileSync(join(root, "lesson.html"), `<main>${toPublicQuiz(quiz).items.map((item) => item.promptHtml).join("")}</main>`);
  writeFileSync(join(root, "leaky.rsc"), `1:["$","p",null,{"children":"No: many functions fit the same labels and disagree off the data."}]`);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("scripts/leak-scan.ts", () => {
  it("exits 0 on a clean build", () => {
    const { status, out } = runScan("--definitions", join(root, "quizzes.json"), "--static", join(root, "static"), "--html", join(root, "lesson.html"));
    expect(out).toContain("no leaks");
    expect(out).toMatch(/1 quizzes, 3 items, 8 secret strings .* in 2 files/);
    expect(status).toBe(0);
  });

  it("exits 1 and names the file, quiz, item and choice of a planted leak", () => {
    const { status, out } = runScan("--definitions", join(root, "quizzes.json"), "--static", join(root, "static"), "--rsc", join(root, "leaky.rsc"));
    expect(status).toBe(1);
    expect(out).toContain(`${join(root, "leaky.rsc")}: feedback of goodhart-check / perfect-labels / choice tf-true leaked`);
  });

  it("exits 2 rather than passing when it cannot scan", () => {
    expect(runScan("--definitions", join(root, "missing.json"), "--static", join(root, "static")).status).toBe(2);
    expect(runScan("--definitions", join(root, "quizzes.json"), "--html", join(root, "nope")).status).toBe(2);
    expect(runScan("--definitions", join(root, "quizzes.json")).status).toBe(2);
  });
});
