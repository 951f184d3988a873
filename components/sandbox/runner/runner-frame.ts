// The script of /sandbox/runner, a document served with `sandbox allow-scripts` and `default-src
// 'none'` (an opaque origin that can make no request; docs/decisions/0013). It starts the learner
// worker from a blob (which inherits that policy) and relays its two messages to the page.
import { createRelay } from "./relay";

/** The bundled learner-worker.ts, put in by runner-document.ts at build time. */
declare const LEARNER_WORKER_SOURCE: string;

const toPage = (message: unknown) => window.parent.postMessage(message, "*");
let started = false;

window.addEventListener("message", (event: MessageEvent) => {
  // One run per frame: the page makes a new frame for each run and removes it afterwards.
  if (started || event.source !== window.parent) return;
  started = true;
  const worker = new Worker(URL.createObjectURL(new Blob([LEARNER_WORKER_SOURCE], { type: "text/javascript" })));
  const relay = createRelay({ budget: 4, toPage, terminate: () => worker.terminate() });
  worker.addEventListener("message", (message) => relay.fromWorker(message.data));
  worker.addEventListener("messageerror", () => relay.fromWorker(null));
  worker.addEventListener("error", (error) => {
    error.preventDefault();
    relay.workerFailed(error.message || "The property worker failed.");
  });
  worker.postMessage(event.data);
});
