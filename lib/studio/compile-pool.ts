// A pool of worker threads (piscina) that compiles studio text off the main thread, so a slow or hostile
// lesson never stalls other requests. Each task gets a time limit, counted from the moment a worker starts
// it (the worker says so on a MessagePort), and each worker a heap limit. A task over its time is stopped
// by terminating its worker; either way the author gets a diagnostic, and the pool starts a fresh worker.
// Drafts never pass through here (studio-writes.ts saves them directly), so a failed compile
// cannot lose text.
import { availableParallelism, loadavg } from "node:os";
import { MessageChannel } from "node:worker_threads";
import Piscina from "piscina";
import { createDiagnostic, type ContentDiagnostic } from "@/lib/content/diagnostics";
import { HttpError } from "@/lib/http/http-error";
import type { CompileOutcome, CompileTask } from "./compile-tasks";
import { checkSourceLimits } from "./source-limits";
import { studioFileLabel } from "./studio-labels";

export type CompilePoolLimits = {
  /** A preview's compile time, from the moment a worker starts it. */
  previewMs: number;
  /** A publish compiles, bundles and checks the other lessons of the course: allow more. */
  publishMs: number;
  /** Longest wait in the queue before a 503. */
  queueMs: number;
  /** Heap of one worker. */
  memoryMb: number;
  threads: number;
  /** Tasks waiting beyond the running ones before a 503. */
  queue: number;
  /** Stretch the time limits on a busy machine (loadFactor); tests that need an exact limit turn it off. */
  scaleWithLoad?: boolean;
};

// Known pathological shapes never get here: the safe-MDX gate refuses them in milliseconds
// (source-limits.ts). The time limits are the backstop for shapes nobody has found yet, so they leave room
// for the longest real lesson on a loaded 2-core machine (about 2 s for a preview there).
export const DEFAULT_LIMITS: CompilePoolLimits = {
  previewMs: 5_000,
  publishMs: 30_000,
  queueMs: 30_000,
  memoryMb: 512,
  // One core is left to the server's main thread.
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queue: 16,
};

/**
 * The limits are wall-clock time, and on a machine with more runnable threads than cores a compile gets only
 * a share of one. So the limit grows with the one-minute load per core, up to 8×: a busy machine does not turn
 * ordinary lessons into errors, and a runaway compile is still stopped. (A lower scheduling priority for the
 * workers was tried and dropped: under load it starved them behind every other process on the machine.)
 */
export function loadFactor(load = loadavg()[0] ?? 0, cores = availableParallelism()): number {
  return Math.min(8, Math.max(1, load / cores));
}

class StoppedAtLimit extends Error {}
class WaitedTooLong extends Error {}
class CouldNotStart extends Error {}

export type CompilePool = {
  run(task: CompileTask): Promise<CompileOutcome>;
  close(): Promise<void>;
  readonly limits: CompilePoolLimits;
};

/** piscina's messages when it refuses a task for want of room (its Errors are not exported). */
const QUEUE_FULL = new Set(["Task queue is at limit", "No task queue available and all Workers are busy"]);

const seconds = (ms: number) => `${(ms / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s`;

/** Where to look when the compiler gave up without saying where: the line with the most markup on it. */
function busiestLine(source: string): { line: number; column: number } {
  let best = { line: 1, column: 1, score: -1 };
  source.split("\n").forEach((text, index) => {
    const score = text.replace(/[^<>*_~[\]{}()`$>|-]/g, "").length;
    if (score > best.score) best = { line: index + 1, column: 1, score };
  });
  return { line: best.line, column: best.column };
}

function failure(task: CompileTask, message: string, at = busiestLine(task.source)): CompileOutcome {
  const diagnostics: ContentDiagnostic[] = [createDiagnostic(studioFileLabel(task.lessonSlug), at, message)];
  return { ok: false, diagnostics };
}

export function createCompilePool(filename: string | Promise<string>, limits: CompilePoolLimits = DEFAULT_LIMITS): CompilePool {
  // Tasks no worker has started yet: if workers cannot even load, they are failed at once, not left queued.
  const waiting = new Set<AbortController>();
  const pool = Promise.resolve(filename).then((file) => {
    const piscina = new Piscina<unknown, CompileOutcome>({
        filename: file,
        minThreads: 1,
        maxThreads: limits.threads,
        idleTimeout: 10 * 60_000,
        maxQueue: limits.queue,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
        // Workers keep a normal event loop between tasks (esbuild talks to its service process through it).
        atomics: "disabled",
      });
    // Without a listener, a worker that fails outside a task would throw on the server's main thread.
    piscina.on("error", (error: Error) => {
      console.error("studio compile worker failed to start", error);
      for (const controller of waiting) controller.abort(new CouldNotStart(error.message));
    });
    return piscina;
  });

  async function run(task: CompileTask): Promise<CompileOutcome> {
    // The shapes the parser is known to choke on are refused here, in one linear pass (milliseconds even for
    // the largest text), without waiting for a worker. The worker's gate checks them again.
    const tooComplex = checkSourceLimits(task.source);
    if (tooComplex.length > 0) return { ok: false, diagnostics: tooComplex.map((problem) => createDiagnostic(studioFileLabel(task.lessonSlug), problem, problem.message)) };
    const limitMs = Math.round((task.kind === "preview" ? limits.previewMs : limits.publishMs) * (limits.scaleWithLoad === false ? 1 : loadFactor()));
    const controller = new AbortController();
    const { port1: startedPort, port2: started } = new MessageChannel();
    let timer = setTimeout(() => controller.abort(new WaitedTooLong()), limits.queueMs);
    waiting.add(controller);
    startedPort.once("message", () => {
      waiting.delete(controller);
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new StoppedAtLimit()), limitMs);
    });
    try {
      return await (await pool).run({ ...task, started }, { signal: controller.signal, transferList: [started] });
    } catch (error) {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof StoppedAtLimit) {
        return failure(task, `compiling this text took longer than ${seconds(limitMs)}, so it was stopped. The busiest line is here; look for very long or deeply nested markup.`);
      }
      if (reason instanceof CouldNotStart) {
        return failure(task, `the compiler could not start (${reason.message}). Your text is safe; the server log has the details.`, { line: 1, column: 1 });
      }
      if (reason instanceof WaitedTooLong || QUEUE_FULL.has((error as Error).message)) {
        throw new HttpError(503, "The lesson compiler is busy. Your text is safe in the editor; try again in a moment.");
      }
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        return failure(task, `compiling this text needed more than ${limits.memoryMb} MB of memory, so it was stopped. The busiest line is here.`);
      }
      console.error("studio compile worker failed", error);
      return failure(task, `the compiler stopped unexpectedly (${(error as Error).message}). Your text is safe; try again.`, { line: 1, column: 1 });
    } finally {
      waiting.delete(controller);
      clearTimeout(timer);
      startedPort.close();
    }
  }

  return {
    run,
    limits,
    close: async () => (await pool).close({ force: true }),
  };
}
