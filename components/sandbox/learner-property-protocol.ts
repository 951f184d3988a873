// Messages of a learner-property run: page → runner frame → learner worker, and back. Only the
// runner's own code ever posts (the learner's code cannot reach postMessage), but the page still
// treats every message as untrusted and checks its shape.
import type { SandboxParams } from "@/lib/conformal/schema";

/** The parameters arrive parsed (defaults filled in): the runner's bundle carries no zod. */
export type LearnerRequest = { code: string; params: SandboxParams };

type LearnerFailureKind = "syntax" | "runtime" | "result" | "timeout" | "worker";

/** The worker has built the model and points; the learner's time limit starts now (once). */
export type LearnerReady = { ready: true };

export type LearnerResponse =
  | { ok: true; calibration: number[]; test: number[] }
  | { ok: false; kind: LearnerFailureKind; message: string };

export type RunnerMessage = LearnerReady | LearnerResponse;

const failureKinds: readonly string[] = ["syntax", "runtime", "result", "timeout", "worker"] satisfies LearnerFailureKind[];

const finiteNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === "number" && Number.isFinite(entry));

/** The message if it is one the runner sends, else null. */
export function parseRunnerMessage(data: unknown): RunnerMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.ready === true && Object.keys(message).length === 1) return { ready: true };
  if (message.ok === true && finiteNumbers(message.calibration) && finiteNumbers(message.test)) {
    return { ok: true, calibration: message.calibration, test: message.test };
  }
  if (message.ok === false && typeof message.kind === "string" && failureKinds.includes(message.kind) && typeof message.message === "string") {
    return { ok: false, kind: message.kind as LearnerFailureKind, message: message.message.slice(0, 2000) };
  }
  return null;
}
