// The compile worker's entry: piscina loads this file (built to plain JavaScript by compile-worker-build.ts)
// in each worker thread. It tells the pool when a task really starts, so the time limit measures the
// compile and not the wait in the queue, and turns any exception into a diagnostic. What it cannot catch
// (running out of memory, being stopped at the time limit) the pool reports (studio-compile-pool.ts).
import type { MessagePort } from "node:worker_threads";
import { createDiagnostic } from "@/lib/content/diagnostics";
import { runPreview, runTask, type CompileOutcome, type CompileTask } from "./compile-tasks";
import { studioFileLabel } from "./studio-labels";

// Load the parser, KaTeX and Shiki before the pool sends the first task: a fresh worker (after a start, or
// after one was stopped) would otherwise spend its first time limit warming up.
const WARM_UP = "---\ntitle: Warm\nslug: warm\nsummary: S.\nestimatedMinutes: 1\nobjectives:\n  - O.\n---\n\n## A\n\n$x^2$ and\n\n```ts\nconst a = 1;\n```\n";
await runPreview({ kind: "preview", source: WARM_UP, courseSlug: "warm", lessonSlug: "warm" }).catch(() => undefined);

export type WorkerTask = CompileTask & { started: MessagePort };

export default async function compile({ started, ...task }: WorkerTask): Promise<CompileOutcome> {
  started.postMessage("started");
  started.close();
  try {
    return await runTask(task);
  } catch (error) {
    const reason = error instanceof RangeError ? "the text is nested too deeply to compile" : `the compiler failed: ${(error as Error).message}`;
    return { ok: false, diagnostics: [createDiagnostic(studioFileLabel(task.lessonSlug), { line: 1, column: 1 }, reason)] };
  }
}
