// Messages between the page and the learner-property worker.
import type { SandboxParamsInput } from "@/lib/conformal/schema";

export type LearnerRequest = { code: string; params: SandboxParamsInput };

export type LearnerFailureKind = "syntax" | "runtime" | "result" | "timeout" | "worker";

/** The worker has built the model and points; the learner's time limit starts now. */
export type LearnerReady = { ready: true };

export type LearnerResponse =
  | { ok: true; calibration: number[]; test: number[] }
  | { ok: false; kind: LearnerFailureKind; message: string };
