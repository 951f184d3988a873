// The app server's request pipeline: a list of steps run in order for each request, then Next.js. A step
// either answers the request itself (returns true) or prepares it and passes it on (returns false).
// scripts/server.ts lists the steps; a new one (a fast path for static lesson pages, say) is one more
// entry there. Steps must be quick and must not throw: they run before every request.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export type RequestStep = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

export function pipeline(steps: readonly RequestStep[], last: (request: IncomingMessage, response: ServerResponse) => unknown): RequestListener {
  const run = async (request: IncomingMessage, response: ServerResponse) => {
    try {
      for (const step of steps) if (await step(request, response)) return;
      await last(request, response);
    } catch (error) {
      console.error("app server: request failed", request.method, request.url, error);
      if (!response.headersSent) answer(response, 500, "Something went wrong on our side.");
      else response.destroy();
    }
  };
  return (request, response) => void run(request, response);
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
