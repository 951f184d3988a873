// The one way the browser calls the app's JSON routes: one error type and one retry rule. Safe in client
// components (fetch only, no server imports). Routes answer errors as { error, fields?, ... } (lib/http/route.ts).
//
// The retry rule: only failures a retry can fix (the network, or a 5xx) and only requests that are safe to
// send twice: idempotent methods (GET, HEAD, PUT, DELETE) or a request carrying an idempotency key that the
// server deduplicates on (the quiz's submissionId). Never a 4xx. Bounded tries, exponential backoff with jitter.

/** A failed call. status 0 means the server could not be reached. `payload` is the body as the route sent it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly payload: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NETWORK_ERROR_MESSAGE = "Could not reach the server. Check your connection and try again.";

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
const IDEMPOTENT = new Set<Method>(["GET", "HEAD", "PUT", "DELETE"]);

export type RetryOptions = {
  /** Tries in all, including the first. */
  tries?: number;
  /** Told before each wait: the try that failed (1-based) and why. */
  onRetry?: (attempt: number, error: ApiError) => void;
};

export type ApiRequest = {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  cache?: RequestCache;
  /** Let the request outlive the page (a visit recorded as the reader leaves). */
  keepalive?: boolean;
  /** A key the server deduplicates on (e.g. the quiz's submissionId): makes a POST or PATCH safe to retry. */
  idempotencyKey?: string;
  /** Retry per the rule above; without it, one try. */
  retry?: RetryOptions;
};

export const DEFAULT_TRIES = 4;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** Whether a failed request may be sent again: a network failure or 5xx, on a request safe to repeat. */
export function isRetryable(error: unknown, request: Pick<ApiRequest, "method" | "idempotencyKey">): boolean {
  if (!(error instanceof ApiError) || !(error.status === 0 || error.status >= 500)) return false;
  return IDEMPOTENT.has(request.method ?? "GET") || Boolean(request.idempotencyKey);
}

/** The wait after failed try `attempt` (1-based): half the exponential step fixed, half random ("equal jitter"). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

async function sendOnce<T>(url: string, request: ApiRequest): Promise<T> {
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, { method: request.method ?? "GET", headers, body: request.body === undefined ? undefined : JSON.stringify(request.body), signal: request.signal, cache: request.cache, keepalive: request.keepalive });
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw new ApiError(0, NETWORK_ERROR_MESSAGE);
  }
  const payload: unknown = await response.json().catch(() => ({}));
  const body = payload !== null && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  if (!response.ok) {
    const message = typeof body.error === "string" ? body.error : `The server answered ${response.status}.`;
    const fields = body.fields !== null && typeof body.fields === "object" ? (body.fields as Record<string, string>) : {};
    throw new ApiError(response.status, message, fields, body);
  }
  return payload as T;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException("Aborted", "AbortError"));
    }, { once: true });
  });

/** Calls a JSON route; the parsed body on 2xx, else an ApiError. Retries only per the rule above. */
export async function apiRequest<T = unknown>(url: string, request: ApiRequest = {}): Promise<T> {
  const tries = request.retry ? Math.max(1, request.retry.tries ?? DEFAULT_TRIES) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce<T>(url, request);
    } catch (error) {
      if (attempt >= tries || !isRetryable(error, request)) throw error;
      request.retry?.onRetry?.(attempt, error as ApiError);
      await sleep(backoffDelay(attempt), request.signal);
    }
  }
}
