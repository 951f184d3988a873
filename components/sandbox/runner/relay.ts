// The runner frame's relay between the learner worker and the page: it forwards the runner's two
// messages (ready, then the result), stops the worker once the result is through, and stops it and
// reports a failure when more arrive than a run can send.
import { parseRunnerMessage, type LearnerResponse } from "../learner-property-protocol";

export type Relay = {
  fromWorker: (data: unknown) => void;
  workerFailed: (message: string) => void;
};

export function createRelay({ budget, toPage, terminate }: { budget: number; toPage: (message: unknown) => void; terminate: () => void }): Relay {
  let stopped = false;
  let received = 0;
  const stop = (response?: LearnerResponse) => {
    if (stopped) return;
    stopped = true;
    terminate();
    if (response) toPage(response);
  };
  return {
    fromWorker(data) {
      if (stopped) return;
      received++;
      if (received > budget) return stop({ ok: false, kind: "worker", message: `Stopped: the property worker sent more than ${budget} messages.` });
      const message = parseRunnerMessage(data);
      if (message === null) return;
      toPage(message);
      if ("ok" in message) stop(); // the result is through; nothing of this run may follow it
    },
    workerFailed(message) {
      stop({ ok: false, kind: "worker", message });
    },
  };
}
