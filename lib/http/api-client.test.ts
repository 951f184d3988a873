// The browser client's one retry rule, against a stubbed fetch: what is retried, how often, how long apart.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiRequest, backoffDelay, DEFAULT_TRIES, isRetryable, NETWORK_ERROR_MESSAGE } from "./api-client";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  vi.useFakeTimers();
  fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs a request to completion under fake timers; the error when it fails. */
async function settle<T>(promise: Promise<T>): Promise<T | ApiError> {
  const outcome = promise.catch((error: unknown) => error as ApiError);
  await vi.runAllTimersAsync();
  return outcome;
}

describe("the retry rule", () => {
  it("never retries a 4xx, whatever the method", () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      for (const method of ["GET", "PUT", "POST"] as const) expect(isRetryable(new ApiError(status, "no"), { method, idempotencyKey: "k" })).toBe(false);
    }
  });

  it("retries network failures and 5xx only on idempotent methods or with an idempotency key", () => {
    for (const status of [0, 500, 502, 503]) {
      const error = new ApiError(status, "down");
      for (const method of ["GET", "HEAD", "PUT", "DELETE"] as const) expect(isRetryable(error, { method })).toBe(true);
      expect(isRetryable(error, {})).toBe(true); // GET by default
      for (const method of ["POST", "PATCH"] as const) {
        expect(isRetryable(error, { method })).toBe(false);
        expect(isRetryable(error, { method, idempotencyKey: "submission-1" })).toBe(true);
      }
    }
    expect(isRetryable(new Error("a bug"), { method: "GET" })).toBe(false);
  });

  it("backs off exponentially with jitter, within bounds", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(30, () => 1)).toBe(8000);
    const delays = Array.from({ length: 200 }, () => backoffDelay(3));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
    expect(new Set(delays).size).toBeGreaterThan(100); // jittered: clients that failed together do not retry together
  });
});

describe("apiRequest", () => {
  it("returns the parsed body and sends JSON", async () => {
    fetchMock.mockResolvedValue(json(200, { ok: true }));
    expect(await apiRequest("/api/x", { method: "POST", body: { a: 1 } })).toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/x");
    expect(init).toMatchObject({ method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
  });

  it("turns an error answer into one ApiError with the status, message, fields and payload", async () => {
    fetchMock.mockResolvedValue(json(422, { error: "Some fields are invalid.", fields: { title: "Required" }, diagnostics: [{ line: 1 }] }));
    const error = await settle(apiRequest("/api/x", { method: "PUT", body: {}, retry: {} }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, message: "Some fields are invalid.", fields: { title: "Required" }, payload: { diagnostics: [{ line: 1 }] } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValue(new Response("<html>oops</html>", { status: 502 }));
    expect(await settle(apiRequest("/api/x"))).toMatchObject({ status: 502, message: "The server answered 502.", fields: {} });
  });

  it("retries a keyed POST on network failures, DEFAULT_TRIES in all, then hands over the last error", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const retries: number[] = [];
    const error = await settle(apiRequest("/api/quizzes/q/attempts", { method: "POST", body: {}, idempotencyKey: "s-1", retry: { onRetry: (attempt) => retries.push(attempt) } }));
    expect(error).toMatchObject({ status: 0, message: NETWORK_ERROR_MESSAGE });
    expect(fetchMock).toHaveBeenCalledTimes(DEFAULT_TRIES);
    expect(retries).toEqual([1, 2, 3]);
  });

  it("sends an unkeyed POST once, even when asked to retry", async () => {
    fetchMock.mockResolvedValue(json(503, { error: "busy" }));
    expect(await settle(apiRequest("/api/x", { method: "POST", body: {}, retry: {} }))).toMatchObject({ status: 503 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("returns the first success after a 5xx", async () => {
    fetchMock.mockResolvedValueOnce(json(503, { error: "busy" })).mockResolvedValueOnce(json(200, { saved: 1 }));
    expect(await settle(apiRequest("/api/draft", { method: "PUT", body: {}, retry: {} }))).toEqual({ saved: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("stops waiting when the caller aborts, and passes the abort through", async () => {
    fetchMock.mockResolvedValue(json(500, {}));
    const controller = new AbortController();
    const outcome = apiRequest("/api/x", { method: "PUT", body: {}, signal: controller.signal, retry: {} }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    const error = (await outcome) as Error;
    expect(error.name).toBe("AbortError");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
