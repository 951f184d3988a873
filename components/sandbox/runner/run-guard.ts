// The page's side of one learner run, without the DOM: a deadline that only the page sets, one
// result, and a small budget of messages. The learner cannot post at all (learner-worker.ts), so
// this is the second wall: whatever reaches the page, the run ends on time and the page stays idle.
import { parseRunnerMessage, type LearnerResponse } from "../learner-property-protocol";

export type RunGuardOptions = {
  /** Loading the runner and building the model and points (our code) may take this long. */
  setupLimitMs: number;
  /** The learner's code gets this long, counted from the runner's first "ready". */
  timeLimitMs: number;
  /** Messages accepted from the runner before the run is stopped: a run needs two (ready, result). */
  messageBudget: number;
  onFinish: (response: LearnerResponse) => void;
};

export type RunGuard = {
  /** A message from the runner frame (already checked to come from it). */
  receive: (data: unknown) => void;
  /** Ends the run now with this response (cancelled, failed to load); later calls are ignored. */
  stop: (response: LearnerResponse) => void;
  readonly finished: boolean;
};

export function createRunGuard({ setupLimitMs, timeLimitMs, messageBudget, onFinish }: RunGuardOptions): RunGuard {
  let finished = false;
  let learnerClockStarted = false;
  let received = 0;
  let timer = setTimeout(() => stop(setupTimeout), setupLimitMs);

  const stop = (response: LearnerResponse) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    onFinish(response);
  };

  const receive = (data: unknown) => {
    if (finished) return;
    received++;
    if (received > messageBudget) return stop(tooManyMessages(messageBudget));
    const message = parseRunnerMessage(data);
    if (message === null) return; // not ours: counted, otherwise ignored
    if ("ready" in message) {
      // Only the first "ready" starts the learner's clock; a later one (ours never sends two) cannot
      // restart it, so the run ends by setup + limit at the latest.
      if (!learnerClockStarted) {
        learnerClockStarted = true;
        clearTimeout(timer);
        timer = setTimeout(() => stop(learnerTimeout(timeLimitMs)), timeLimitMs);
      }
      return;
    }
    stop(message);
  };

  return {
    receive,
    stop,
    get finished() {
      return finished;
    },
  };
}

const setupTimeout: LearnerResponse = { ok: false, kind: "timeout", message: "Stopped: the sandbox could not prepare the points in time." };

function learnerTimeout(ms: number): LearnerResponse {
  return {
    ok: false,
    kind: "timeout",
    message: `Stopped after ${ms / 1000} s: your property did not finish. Look for an infinite loop or very slow code.`,
  };
}

function tooManyMessages(budget: number): LearnerResponse {
  return { ok: false, kind: "worker", message: `Stopped: the runner sent more than ${budget} messages.` };
}
