// The compile pool with the real worker (built as content:build builds it) and with a hostile stand-in
// worker for what real text cannot easily do on demand (exhaust memory, crash).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "@/lib/http/http-error";
import { createCompilePool, DEFAULT_LIMITS, loadFactor, type CompilePool } from "./compile-pool";
import type { PreviewOutcome, PreviewTask } from "./compile-tasks";
import { buildCompileWorker } from "./compile-worker-build";

// Inside the repository, so the built worker resolves its packages from node_modules as in production.
mkdirSync(path.join(".cache"), { recursive: true });
const scratch = path.resolve(mkdtempSync(path.join(".cache", "test-compile-pool-")));
const FRONT = "---\ntitle: T\nslug: a\nsummary: S.\nestimatedMinutes: 5\nobjectives:\n  - O.\n---\n\n"; // body on line 10
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const preview = (source: string): PreviewTask => ({ kind: "preview", source, courseSlug: "course", lessonSlug: "a" });

/** Runs `work` while sampling the event loop every 10 ms; returns its result and the longest gap seen. */
async function withLag<T>(work: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const sampler = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), lagMs };
  } finally {
    clearInterval(sampler);
  }
}

describe("the compile pool with the real worker", () => {
  let pool: CompilePool;
  beforeAll(async () => {
    pool = createCompilePool(await buildCompileWorker(path.join(scratch, "worker.mjs")), { ...DEFAULT_LIMITS, previewMs: 60_000, queueMs: 150_000 });
  }, 60_000);
  afterAll(() => pool.close());

  it("previews a course lesson as a sanitised tree, with the public quiz and never the key", async () => {
    const slug = "why-fitting-data-is-not-enough";
    const source = readFileSync(path.join("content", "courses", "alignment-foundations", `${slug}.mdx`), "utf8");
    const outcome = (await pool.run({ kind: "preview", source, courseSlug: "alignment-foundations", lessonSlug: slug })) as PreviewOutcome;
    expect(outcome.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    if (!outcome.ok) return;
    const json = JSON.stringify(outcome.lesson);
    expect(json).toContain('"tagName":"Quiz"');
    expect(json).not.toMatch(/"correct"|"explanation"/);
    expect(outcome.lesson).not.toHaveProperty("code");
    expect(outcome.lesson.toc.length).toBeGreaterThan(2);
  }, 180_000);

  const BOMBS: Array<[string, string, number, RegExp]> = [
    ["*a × 20,000", FRONT + "*a".repeat(20_000), 10, /emphasis markers/],
    ["5,000 nested <span>", FRONT + "<span>".repeat(5000) + "x" + "</span>".repeat(5000), 10, /nested more than 64/],
    ["5,000 nested >", FRONT + ">".repeat(5000) + " x", 10, /nested more than 32/],
    ["a YAML alias bomb", FRONT.replace("---\n\n", "b: &b [x, x]\nc: [*b, *b, *b]\n---\n\n"), 9, /YAML aliases/],
    ["40 comments in a brace", FRONT + "{" + "/**/".repeat(40) + "x}", 10, /JavaScript expression/],
  ];
  it.each(BOMBS)("refuses %s with its place, while the main thread stays free", async (_name, source, line, message) => {
    const { result, lagMs } = await withLag(() => pool.run(preview(source)));
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: "a.mdx", line, severity: "error" });
    expect(result.diagnostics[0]!.message).toMatch(message);
    expect(lagMs).toBeLessThan(1_000); // generous: the machine is shared; blocking took seconds before
  }, 180_000);

  it("stops text that passes the gate but compiles too slowly, says where, and the next preview works", async () => {
    const slow = createCompilePool(await buildCompileWorker(path.join(scratch, "worker.mjs")), { ...DEFAULT_LIMITS, previewMs: 300, queueMs: 150_000, scaleWithLoad: false });
    try {
      await slow.run(preview(FRONT + "Warm.")); // a started worker, so the limit below meets the compile
      const formulas = FRONT + "Fine.\n\n" + "$\\sum^{n} \\frac{x^2}{\\sqrt{y}}$ ".repeat(4000) + "\n";
      const { result, lagMs } = await withLag(() => slow.run(preview(formulas)));
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]).toMatchObject({ line: 12, column: 1 });
      expect(result.diagnostics[0]!.message).toContain("took longer than 0.3 s, so it was stopped");
      expect(lagMs).toBeLessThan(1_000); // generous: the machine is shared; blocking took seconds before
      const after = await slow.run(preview(FRONT + "Fine again."));
      expect(after.ok).toBe(true);
    } finally {
      await slow.close();
    }
  }, 180_000);
});

describe("loadFactor", () => {
  it("gives a compile more time on a machine busier than its cores, up to 8×", () => {
    expect(loadFactor(0.5, 2)).toBe(1);
    expect(loadFactor(6, 2)).toBe(3);
    expect(loadFactor(40, 2)).toBe(8);
  });
});

describe("the compile pool when a worker dies", () => {
  // A stand-in worker: speaks the pool's protocol, then misbehaves as told.
  const hostile = path.join(scratch, "hostile-worker.mjs");
  writeFileSync(
    hostile,
    `export default async function ({ started, source }) {
      started.postMessage("started"); started.close();
      if (source === "grow") { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(Math.random())); }
      if (source === "crash") { setImmediate(() => { throw new Error("worker crashed"); }); await new Promise(() => {}); }
      if (source === "wait") await new Promise((resolve) => setTimeout(resolve, 1500));
      return { ok: true, diagnostics: [], lesson: { source } };
    }`,
  );
  const limits = { ...DEFAULT_LIMITS, previewMs: 60_000, queueMs: 150_000, memoryMb: 48, threads: 1, queue: 0 };

  it("reports running out of memory as a diagnostic, and recovers", async () => {
    const pool = createCompilePool(hostile, limits);
    try {
      const outcome = await pool.run(preview("grow"));
      expect(outcome.ok).toBe(false);
      expect(outcome.diagnostics[0]!.message).toContain("needed more than 48 MB of memory");
      expect((await pool.run(preview("fine"))).ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("reports a crashed worker as a diagnostic, and recovers", async () => {
    const pool = createCompilePool(hostile, limits);
    try {
      const outcome = await pool.run(preview("crash"));
      expect(outcome.ok).toBe(false);
      expect(outcome.diagnostics[0]!.message).toContain("the compiler stopped unexpectedly (worker crashed)");
      expect((await pool.run(preview("fine"))).ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it("answers 503 when the queue is full, instead of queueing without end", async () => {
    const pool = createCompilePool(hostile, limits);
    try {
      expect((await pool.run(preview("fine"))).ok).toBe(true); // the one worker is up
      const running = pool.run(preview("wait"));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(pool.run(preview("wait"))).rejects.toSatisfy((error) => error instanceof HttpError && error.status === 503);
      expect((await running).ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
