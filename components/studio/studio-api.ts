// The browser side of the studio routes: JSON in and out, errors as StudioRequestError with the status, and
// a bounded retry for the failures worth retrying (the network, or a 5xx), which reports each retry. After
// the last try the error reaches the caller, which says so; the draft is still kept in this browser.
import type { ContentDiagnostic } from "@/lib/content/diagnostics";

export class StudioRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly payload: { error?: string; diagnostics?: ContentDiagnostic[]; fields?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export async function studioFetch<T>(url: string, method: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method, signal, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new StudioRequestError(0, "Cannot reach the server.");
  }
  const payload = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new StudioRequestError(response.status, payload.error ?? `Request failed (${response.status}).`, payload);
  return payload;
}

const isRetryable = (error: unknown) => error instanceof StudioRequestError && (error.status === 0 || error.status >= 500);

/** Tries in all, by default: the waits between them add up to 15 s (1, 2, 4, 8 s). */
export const DEFAULT_TRIES = 5;

/** Retries network failures and 5xx with backoff (1 s, 2 s, 4 s … up to 15 s between tries), `tries` times in all. */
export async function withRetry<T>(work: () => Promise<T>, onRetry: (attempt: number, error: StudioRequestError) => void, tries = DEFAULT_TRIES): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryable(error) || attempt >= tries) throw error;
      onRetry(attempt, error as StudioRequestError);
      await new Promise((resolve) => setTimeout(resolve, Math.min(15_000, 1000 * 2 ** (attempt - 1))));
    }
  }
}

export const lessonApi = (courseSlug: string, lessonSlug: string) => `/api/studio/courses/${encodeURIComponent(courseSlug)}/lessons/${encodeURIComponent(lessonSlug)}`;
