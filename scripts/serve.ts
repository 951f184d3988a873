// The production server: Next.js behind a small request layer of our own (lib/server/). Course pages are
// answered from memory by the page cache (lib/server/page-cache.ts), rendered once per content version;
// everything else goes to Next.js's request handler. scripts/start.mjs runs this instead of `next start`.
//   tsx scripts/serve.ts [--port 3000] [--hostname 0.0.0.0]
import { createServer } from "node:http";
import next from "next";
import { createContentVersionWatcher, installWatcher } from "@/lib/server/content-version";
import { createLoopbackRenderer, DOCUMENT_HEADER } from "@/lib/server/loopback-render";
import { createPageCache } from "@/lib/server/page-cache";
import { openVersionSource } from "@/lib/server/version-source";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const port = Number(option("port", process.env.PORT ?? "3000"));
const hostname = option("hostname", "0.0.0.0");
const databaseUrl = process.env.DATABASE_URL || "file:./data/app.db";

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const source = openVersionSource(databaseUrl);
let lastError = "";
const watcher = createContentVersionWatcher(source.read, {
  onError: (error) => {
    const message = (error as Error).message;
    if (message !== lastError) console.error(`serve: cannot read the content version (pages are rendered per request until it can): ${message}`);
    lastError = message;
  },
});
await watcher.refresh();
installWatcher(watcher);

// Loopback renders must reach this process: through 127.0.0.1 unless it listens on one address only.
const renderHost = ["0.0.0.0", "::", "localhost"].includes(hostname) ? "127.0.0.1" : hostname;
const renderer = createLoopbackRenderer(() => ({ host: renderHost, port: boundPort }));
const pages = createPageCache({ render: renderer.render, version: watcher.current });

const server = createServer((request, response) => {
  if (renderer.isRenderRequest(request)) return void handle(request, response);
  // Only the page cache's own renders may ask for a document without its HTML in the payload.
  delete request.headers[DOCUMENT_HEADER];
  const answered = pages.handle(request, response);
  if (answered === true) return;
  if (answered === false) return void handle(request, response);
  answered
    .then((handled) => {
      if (!handled) return handle(request, response);
    })
    .catch((error: unknown) => {
      console.error(`serve: page cache failed for ${request.url}: ${(error as Error).stack ?? error}`);
      if (!response.headersSent) return handle(request, response);
      response.destroy();
    });
});

let boundPort = port;
await new Promise<void>((resolve) => server.listen(port, hostname === "localhost" ? "127.0.0.1" : hostname, resolve));
const address = server.address();
if (typeof address === "object" && address) boundPort = address.port;
console.log(`serve: listening on http://${hostname}:${boundPort}`);

const shutdown = () => {
  watcher.stop();
  server.close(() => void source.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
