import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TRIES, StudioRequestError, withRetry } from "./studio-api";

describe("withRetry", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives up after a bounded number of tries and hands the last error to the caller", async () => {
    const work = vi.fn(() => Promise.reject(new StudioRequestError(0, "Cannot reach the server.")));
    const retries: number[] = [];
    const outcome = withRetry(work, (attempt) => retries.push(attempt)).then(
      () => "saved",
      (error: StudioRequestError) => error.message,
    );
    await vi.runAllTimersAsync();
    expect(await outcome).toBe("Cannot reach the server.");
    expect(work).toHaveBeenCalledTimes(DEFAULT_TRIES);
    expect(retries).toEqual([1, 2, 3, 4]);
  });

  it("waits 1, 2, 4 and 8 s between tries, 15 s in all", async () => {
    const work = vi.fn(() => Promise.reject(new StudioRequestError(503, "busy")));
    const outcome = withRetry(work, () => undefined).catch(() => undefined);
    for (const [wait, calls] of [[0, 1], [1000, 2], [2000, 3], [4000, 4], [8000, 5]] as const) {
      await vi.advanceTimersByTimeAsync(wait);
      expect(work).toHaveBeenCalledTimes(calls);
    }
    await outcome;
  });

  it("does not retry what a retry cannot fix (a 409, a 422, a 401)", async () => {
    for (const status of [401, 409, 422]) {
      const work = vi.fn(() => Promise.reject(new StudioRequestError(status, "no")));
      await expect(withRetry(work, () => undefined)).rejects.toMatchObject({ status });
      expect(work).toHaveBeenCalledTimes(1);
    }
  });

  it("returns the first success", async () => {
    let calls = 0;
    const outcome = withRetry(() => (++calls < 3 ? Promise.reject(new StudioRequestError(0, "down")) : Promise.resolve("ok")), () => undefined);
    await vi.runAllTimersAsync();
    expect(await outcome).toBe("ok");
  });
});
