"use client";
// Starts a fresh worker for each learner-property run and terminates it after the time limit, so an
// infinite loop costs the learner two seconds and never the page.
import type { SandboxParamsInput } from "@/lib/conformal/schema";
import type { LearnerReady, LearnerRequest, LearnerResponse } from "./learner-property-protocol";

export const learnerTimeLimitMs = 2000;
/** Building the model and points (our code, not the learner's) gets its own, looser limit. */
const setupLimitMs = 15_000;

export type LearnerRun = { promise: Promise<LearnerResponse>; cancel: () => void };

export function runLearnerProperty(code: string, params: SandboxParamsInput, timeLimitMs = learnerTimeLimitMs): LearnerRun {
  const worker = new Worker(new URL("./learner-property.worker.ts", import.meta.url), { type: "module" });
  let settle: (response: LearnerResponse) => void = () => {};
  const promise = new Promise<LearnerResponse>((resolve) => {
    settle = resolve;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (response: LearnerResponse) => {
    clearTimeout(timer);
    worker.terminate();
    settle(response);
  };
  const stopAfter = (ms: number, message: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => finish({ ok: false, kind: "timeout", message }), ms);
  };
  stopAfter(setupLimitMs, "Stopped: the sandbox could not prepare the points in time.");
  worker.addEventListener("message", (event: MessageEvent<LearnerResponse | LearnerReady>) => {
    if ("ready" in event.data) {
      stopAfter(timeLimitMs, `Stopped after ${timeLimitMs / 1000} s: your property did not finish. Look for an infinite loop or very slow code.`);
      return;
    }
    finish(event.data);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    finish({ ok: false, kind: "worker", message: event.message || "The property worker failed." });
  });
  const request: LearnerRequest = { code, params };
  worker.postMessage(request);
  return { promise, cancel: () => finish({ ok: false, kind: "worker", message: "cancelled" }) };
}
