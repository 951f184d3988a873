// The studio compiler under hostile text (issue 13): for each pathological lesson, how long until the 422,
// and how /api/health answers meanwhile; plus a real course lesson's preview round trip for scale.
// Targets: the 422 within 2 s, /api/health under 100 ms while it compiles.
import { readFileSync } from "node:fs";
import type { AppServer } from "../scripts/reliability/app-server";
import { SessionClient } from "../scripts/reliability/session-client";

const COURSE = "alignment-foundations";
const LESSON = "conformal-property-alignment";
const FRONT = "---\ntitle: Bomb\nslug: bomb\nsummary: S.\nestimatedMinutes: 5\nobjectives:\n  - O.\n---\n\n";
const BOMBS: Record<string, string> = {
  "*a × 20,000": FRONT + "*a".repeat(20_000),
  "5,000 nested <span>": FRONT + "<span>".repeat(5000) + "x" + "</span>".repeat(5000),
  "5,000 nested >": FRONT + ">".repeat(5000) + " x",
  "YAML alias bomb": FRONT.replace("---\n\n", ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g"].map((key, index) => `${key}: &${key} [${Array(9).fill(`*${"abcdefg"[index]}`).join(", ")}]`), "---\n\n"].join("\n")),
  "40 comments in a brace": FRONT + "{" + "/**/".repeat(40) + "x}",
};

export type CompilerFigures = { status: number; ms: number; healthPolls: number; healthP50Ms: number; healthMaxMs: number };

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

async function measure(server: AppServer, client: SessionClient, lessonSlug: string, source: string): Promise<CompilerFigures> {
  let done = false;
  const started = performance.now();
  const preview = client.send("POST", "/api/studio/preview", { json: { courseSlug: COURSE, lessonSlug, source } }).finally(() => (done = true));
  const health: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await fetch(`${server.url}/api/health`);
    health.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const response = await preview;
  const ms = Math.round(performance.now() - started);
  return { status: response.status, ms, healthPolls: health.length, healthP50Ms: Math.round(percentile(health, 0.5)), healthMaxMs: Math.round(Math.max(0, ...health)) };
}

export async function runStudioCompilerBench(server: AppServer): Promise<Record<string, CompilerFigures>> {
  const client = new SessionClient(server.url);
  await client.signIn("instructor@example.com", "instructor-password");
  const real = readFileSync(`content/courses/${COURSE}/${LESSON}.mdx`, "utf8");
  await measure(server, client, LESSON, real); // warm: the first preview after a start loads the worker
  const figures: Record<string, CompilerFigures> = { [`real lesson (${LESSON})`]: await measure(server, client, LESSON, real) };
  for (const [name, source] of Object.entries(BOMBS)) figures[name] = await measure(server, client, "bomb", source);
  return figures;
}
