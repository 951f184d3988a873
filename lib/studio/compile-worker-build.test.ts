// The worker file is rebuilt when it is missing or older than a source it was built from (an edit under
// `npm run dev`), and left alone otherwise (every start of a production server).
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildCompileWorker, ensureCompileWorker } from "./compile-worker-build";

mkdirSync(".cache", { recursive: true });
const scratch = path.resolve(mkdtempSync(path.join(".cache", "test-worker-build-")));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("ensureCompileWorker", () => {
  const outfile = path.join(scratch, "worker.mjs");

  it("builds a missing worker, keeps a fresh one, and rebuilds one older than its sources", async () => {
    expect(await ensureCompileWorker(outfile)).toBe(outfile);
    const built = statSync(outfile).mtimeMs;
    await ensureCompileWorker(outfile);
    expect(statSync(outfile).mtimeMs).toBe(built);

    const past = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    utimesSync(outfile, past, past); // as if lib/ had been edited since the build
    await ensureCompileWorker(outfile);
    expect(statSync(outfile).mtimeMs).toBeGreaterThan(past.getTime());
  }, 120_000);

  it("bundles lib/ into plain JavaScript with the packages left to node_modules", async () => {
    const file = await buildCompileWorker(path.join(scratch, "plain.mjs"));
    const code = (await import("node:fs")).readFileSync(file, "utf8");
    expect(code).toMatch(/from "unified"/);
    expect(code).not.toMatch(/from "@\/lib\//);
    expect(code).not.toContain("server-only");
  }, 120_000);
});
