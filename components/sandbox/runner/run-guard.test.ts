import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LearnerResponse } from "../learner-property-protocol";
import { createRunGuard } from "./run-guard";

const result: LearnerResponse = { ok: true, calibration: [1, 2], test: [3] };

function guard(messageBudget = 4) {
  const finished: LearnerResponse[] = [];
  const g = createRunGuard({ setupLimitMs: 15_000, timeLimitMs: 2000, messageBudget, onFinish: (response) => finished.push(response) });
  return { g, finished };
}

describe("the page's run guard", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("ends a run with its result, once", () => {
    const { g, finished } = guard();
    g.receive({ ready: true });
    g.receive(result);
    g.receive({ ok: false, kind: "runtime", message: "late" });
    vi.advanceTimersByTime(60_000);
    expect(finished).toEqual([result]);
    expect(g.finished).toBe(true);
  });

  it("stops the learner 2 s after the first ready, however many more readies arrive", () => {
    const { g, finished } = guard(1000);
    g.receive({ ready: true });
    for (let t = 0; t < 3; t++) {
      vi.advanceTimersByTime(500);
      g.receive({ ready: true }); // the dodge from issue 13: a ready every 0.5 s
    }
    expect(finished).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ ok: false, kind: "timeout", message: expect.stringContaining("Stopped after 2 s") });
  });

  it("gives setup its own limit, and the learner's clock never runs past it", () => {
    const { g, finished } = guard();
    vi.advanceTimersByTime(14_999);
    expect(finished).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(finished[0]).toMatchObject({ kind: "timeout", message: expect.stringContaining("could not prepare") });
    g.receive({ ready: true });
    vi.advanceTimersByTime(10_000);
    expect(finished).toHaveLength(1);
  });

  it("stops a run that sends more messages than its budget, whatever they are", () => {
    const { g, finished } = guard(4);
    for (let i = 0; i < 4; i++) g.receive({ flood: i });
    expect(finished).toEqual([]);
    g.receive({ flood: 5 });
    expect(finished).toEqual([{ ok: false, kind: "worker", message: "Stopped: the runner sent more than 4 messages." }]);
    for (let i = 0; i < 10_000; i++) g.receive(result); // ignored once finished
    expect(finished).toHaveLength(1);
  });

  it("ignores malformed results instead of trusting them", () => {
    const { g, finished } = guard();
    g.receive({ ok: true, calibration: [Number.NaN], test: [1] });
    g.receive({ ok: true, calibration: "1,2", test: [1] });
    g.receive({ ok: false, kind: "anything", message: "x" });
    g.receive({ ready: true, extra: 1 });
    expect(finished).toEqual([]);
    vi.advanceTimersByTime(15_000); // the last one did not start the learner's clock either
    expect(finished[0]).toMatchObject({ kind: "timeout", message: expect.stringContaining("could not prepare") });
  });

  it("can be stopped by the page (a newer run, an unmounted sandbox)", () => {
    const { g, finished } = guard();
    g.stop({ ok: false, kind: "worker", message: "cancelled" });
    g.receive(result);
    expect(finished).toEqual([{ ok: false, kind: "worker", message: "cancelled" }]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
