"use client";
// Runs a learner-written property in a fresh runner frame (/sandbox/runner: an opaque origin that can
// make no request, with the code in a worker inside it) and removes the frame when the run ends. The
// page alone decides when that is: one deadline, one result, a small message budget (run-guard.ts).
import type { SandboxParams, SandboxParamsInput } from "@/lib/conformal/schema";
import { RUNNER_PATH } from "@/lib/security/security-headers.mjs";
import type { LearnerRequest, LearnerResponse } from "./learner-property-protocol";
import { createRunGuard } from "./runner/run-guard";

export const learnerTimeLimitMs = 2000;
/** Loading the runner and building the model and points (our code, not the learner's) get their own, looser limit. */
const setupLimitMs = 15_000;
/** A run sends two messages (ready, result); a few more are tolerated, then the run is stopped. */
const messageBudget = 4;

export type LearnerRun = { promise: Promise<LearnerResponse>; cancel: () => void };

const CANCELLED: LearnerResponse = { ok: false, kind: "worker", message: "cancelled" };

/** zod parses the parameters, loaded with the first run rather than with the page (it is 30 kB gzip). */
async function parseParams(input: SandboxParamsInput): Promise<{ ok: true; params: SandboxParams } | { ok: false; message: string }> {
  await import("@/lib/security/zod-jitless"); // before the first parse: no eval probe under the page CSP
  const { sandboxParamsSchema } = await import("@/lib/conformal/schema");
  const parsed = sandboxParamsSchema.safeParse(input);
  return parsed.success ? { ok: true, params: parsed.data } : { ok: false, message: parsed.error.message };
}

export function runLearnerProperty(code: string, input: SandboxParamsInput, timeLimitMs = learnerTimeLimitMs): LearnerRun {
  let cancel = () => {
    cancelled = true;
  };
  let cancelled = false;
  const promise = parseParams(input).then((parsed) => {
    if (cancelled) return CANCELLED;
    if (!parsed.ok) return { ok: false, kind: "worker", message: `Bad sandbox parameters: ${parsed.message}` } satisfies LearnerResponse;
    const run = startRun({ code, params: parsed.params }, timeLimitMs);
    cancel = run.cancel;
    return run.promise;
  });
  return { promise, cancel: () => cancel() };
}

function startRun(request: LearnerRequest, timeLimitMs: number): LearnerRun {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.title = "Learner property runner";
  frame.hidden = true;
  frame.src = RUNNER_PATH;

  let settle: (response: LearnerResponse) => void = () => {};
  const promise = new Promise<LearnerResponse>((resolve) => {
    settle = resolve;
  });
  const onMessage = (event: MessageEvent) => {
    if (event.source === frame.contentWindow && event.source !== null) guard.receive(event.data);
  };
  const guard = createRunGuard({
    setupLimitMs,
    timeLimitMs,
    messageBudget,
    onFinish: (response) => {
      window.removeEventListener("message", onMessage);
      frame.remove(); // ends the frame and the worker in it, wherever the learner's code is
      settle(response);
    },
  });
  window.addEventListener("message", onMessage);
  frame.addEventListener(
    "load",
    () => frame.contentWindow?.postMessage(request, "*"), // an opaque origin can only be addressed as "*"
    { once: true },
  );
  document.body.append(frame);
  return { promise, cancel: () => guard.stop(CANCELLED) };
}
