// An error that carries the HTTP status and per-field messages a route should answer with. Domain code
// throws it; lib/http/route.ts turns it into a JSON response. Kept free of Next.js imports so domain
// modules (and the benchmarks that call them directly) do not pull in the framework.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
