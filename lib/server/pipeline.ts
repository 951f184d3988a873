// The app server's request pipeline: a list of steps run in order for each request, then Next.js. A step
// either answers the request itself (returns true) or prepares it and passes it on (returns false).
// scripts/server.ts lists the steps; a new one (a fast path for static lesson pages, say) is one more
// entry there. Steps must be quick and must not throw: they run before every request.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export type RequestStep = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

export function pipeline(steps: readonly RequestStep[], last: (request: IncomingMessage, response: ServerResponse) => unknown): RequestListener {
  const fail = (request: IncomingMessage, response: ServerResponse, error: unknown) => {
    console.error("app server: request failed", request.method, request.url, error);
    if (!response.headersSent) answer(response, 500, "Something went wrong on our side.");
    else response.destroy();
  };
  // From step `from` on, awaiting each step: taken only once a step has returned a promise.
  const finishAsync = async (request: IncomingMessage, response: ServerResponse, from: number, pending: Promise<boolean>) => {
    try {
      if (await pending) return;
      for (let index = from + 1; index < steps.length; index++) if (await steps[index]!(request, response)) return;
      await last(request, response);
    } catch (error) {
      fail(request, response, error);
    }
  };
  // Synchronous while the steps answer synchronously: a page answered from memory costs no promise at all,
  // which is a measurable share of its time (async hooks run for every promise in a Next.js process).
  return (request, response) => {
    try {
      for (let index = 0; index < steps.length; index++) {
        const handled = steps[index]!(request, response);
        if (handled === true) return;
        if (handled !== false) return void finishAsync(request, response, index, handled);
      }
      const result = last(request, response);
      if (result instanceof Promise) result.catch((error: unknown) => fail(request, response, error));
    } catch (error) {
      fail(request, response, error);
    }
  };
}

/** A small plain-text answer from the server itself, with the headers every response should carry. */
export function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = status === 204 ? "" : `${text}\n`;
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  response.end(body);
}
