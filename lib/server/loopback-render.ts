// Renders a page by asking this very server for it over loopback, marked so the request goes straight to
// Next.js. It is sent as an anonymous browser would send it (no cookies, no encoding), so what is kept for
// everyone can hold nothing personal. The mark is a per-process random token: a client cannot forge it.
import { randomBytes } from "node:crypto";
import { request as httpRequest, type IncomingMessage } from "node:http";
import type { PageRenderer } from "./page-cache";

const HEADER = "x-af-page-render";
/** Tells the page it renders a document (static HTML in the document only, not in the RSC payload). */
export const DOCUMENT_HEADER = "x-af-document";

export type LoopbackRenderer = {
  render: PageRenderer;
  /** True for the renderer's own requests, which must reach Next.js unchanged. */
  isRenderRequest(request: IncomingMessage): boolean;
};

export function createLoopbackRenderer(target: () => { host: string; port: number }, timeoutMs = 30_000): LoopbackRenderer {
  const token = randomBytes(16).toString("hex");
  return {
    isRenderRequest: (request) => request.headers[HEADER] === token,
    render: (path) =>
      new Promise((resolve, reject) => {
        const { host, port } = target();
        const outgoing = httpRequest(
          { host, port, path, method: "GET", headers: { [HEADER]: token, [DOCUMENT_HEADER]: "1", accept: "text/html", "accept-encoding": "identity" }, timeout: timeoutMs },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
            response.on("error", reject);
          },
        );
        outgoing.on("timeout", () => outgoing.destroy(new Error(`rendering ${path} took over ${timeoutMs} ms`)));
        outgoing.on("error", reject);
        outgoing.end();
      }),
  };
}
