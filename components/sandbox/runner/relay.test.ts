import { describe, expect, it } from "vitest";
import { createRelay } from "./relay";

function relay(budget = 4) {
  const sent: unknown[] = [];
  let terminated = 0;
  const r = createRelay({ budget, toPage: (message) => sent.push(message), terminate: () => terminated++ });
  return { r, sent, terminated: () => terminated };
}

describe("the runner frame's relay", () => {
  it("forwards ready and the result, then stops the worker and forwards nothing more", () => {
    const { r, sent, terminated } = relay();
    r.fromWorker({ ready: true });
    r.fromWorker({ ok: true, calibration: [1], test: [2] });
    r.fromWorker({ ok: true, calibration: [9], test: [9] });
    r.workerFailed("late");
    expect(sent).toEqual([{ ready: true }, { ok: true, calibration: [1], test: [2] }]);
    expect(terminated()).toBe(1);
  });

  it("stops a worker that floods it and tells the page once", () => {
    const { r, sent, terminated } = relay(4);
    for (let i = 0; i < 100_000; i++) r.fromWorker({ ready: true });
    expect(sent).toEqual([
      { ready: true },
      { ready: true },
      { ready: true },
      { ready: true },
      { ok: false, kind: "worker", message: "Stopped: the property worker sent more than 4 messages." },
    ]);
    expect(terminated()).toBe(1);
  });

  it("drops messages that are not the runner's, and reports a failed worker", () => {
    const { r, sent, terminated } = relay();
    r.fromWorker("hello");
    r.fromWorker({ ok: true, calibration: [Infinity], test: [] });
    r.workerFailed("SyntaxError: x");
    expect(sent).toEqual([{ ok: false, kind: "worker", message: "SyntaxError: x" }]);
    expect(terminated()).toBe(1);
  });
});
