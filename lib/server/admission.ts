// Fair admission to Next.js under a burst (#14). libuv accepts one new connection per event-loop turn, and a
// turn runs the ready part of every request in flight. With 64 learners submitting at once, each turn held
// tens of milliseconds of route work, so connections waited seconds in the kernel's accept queue while the
// ones already accepted were served again and again (p99 14× p50 on SQLite). So at most `concurrency`
// requests are inside Next.js at once, the rest wait in arrival order, and admissions are spread one per
// loop turn (setImmediate), which keeps turns short and lets the accept queue drain. The page cache answers
// ahead of this gate and never waits in it.
// Hand-written rather than p-limit: a slot is held until the response closes, not until a promise settles,
// and a request whose client left while it waited must give its slot straight back.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestStep } from "./pipeline";

export type AdmissionOptions = {
  /** Requests inside Next.js at once. */
  concurrency: number;
  /**
   * A slot is given back after this long even if the response is still open (a long download, a slow
   * studio compile), so a few slow requests cannot stall every other one: the gate is for fairness, not a
   * hard cap.
   */
  holdLimitMs: number;
};

export type AdmissionGate = { step: RequestStep; inside(): number; waiting(): number };

export function createAdmissionGate(options: AdmissionOptions): AdmissionGate {
  let inside = 0;
  const queue: Array<() => void> = [];
  let pumpScheduled = false;

  const pump = () => {
    pumpScheduled = false;
    if (inside >= options.concurrency) return;
    const next = queue.shift();
    if (!next) return;
    next();
    // One admission per loop turn: the next one waits for the poll phase, where connections are accepted.
    if (queue.length > 0) schedulePump();
  };
  const schedulePump = () => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  };

  const admit = (request: IncomingMessage, response: ServerResponse, proceed: (handled: boolean) => void) => {
    // The client left while its request waited: nothing to answer, and the slot stays free.
    if (request.destroyed || response.destroyed || response.writableEnded) {
      proceed(true);
      return;
    }
    inside++;
    let held = true;
    const giveBack = () => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      inside--;
      schedulePump();
    };
    const timer = setTimeout(giveBack, options.holdLimitMs);
    timer.unref();
    response.once("close", giveBack);
    proceed(false);
  };

  return {
    inside: () => inside,
    waiting: () => queue.length,
    step: (request, response) =>
      new Promise<boolean>((proceed) => {
        queue.push(() => admit(request, response, proceed));
        schedulePump();
      }),
  };
}
