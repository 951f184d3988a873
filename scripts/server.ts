// The app server: Node's HTTP server in front of Next.js's request handler. `npm start` (scripts/start.mjs)
// runs it instead of `next start`, which cannot tell the socket's address from a forged X-Forwarded-For.
// Each request goes through a short pipeline (lib/server/pipeline.ts) before Next sees it:
//   1. in production, the page cache (lib/server/page-cache.ts): /, course and lesson documents answered
//      from memory, rendered once per content version through a loopback request to this same process
//   2. client address: from the socket, or from X-Forwarded-For behind a trusted proxy (TRUSTED_PROXIES);
//      forged forwarded headers removed; the answer handed to the app in x-af-client-address
//   3. method policy: 405 with Allow for a method the route does not serve, 204 with Allow for OPTIONS
//   4. in production, fair admission (lib/server/admission.ts): a few requests inside Next.js at once,
//      the rest in arrival order, so a burst cannot starve connections waiting to be accepted
//   5. Next.js
// Bundled with esbuild before it runs (scripts/lib/app-server-bundle.mjs), since it imports TypeScript.
//   node .cache/app-server.mjs [--port 3000] [--hostname 0.0.0.0] [--dev]
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { EnvError, parseEnv } from "@/lib/env";
import { APP_SERVER_MARK, assignClientAddress, compileTrustedProxies, type TrustProxy } from "@/lib/server/client-address";
import { createContentVersionWatcher, installWatcher } from "@/lib/server/content-version";
import { createAdmissionGate } from "@/lib/server/admission";
import { createLoopbackRenderer, DOCUMENT_HEADER } from "@/lib/server/loopback-render";
import { methodPolicyStep, refuseConnect } from "@/lib/server/method-policy";
import { createPageCache } from "@/lib/server/page-cache";
import { pipeline, type RequestStep } from "@/lib/server/pipeline";
import { openVersionSource } from "@/lib/server/version-source";

const { values: args } = parseArgs({
  options: { port: { type: "string" }, hostname: { type: "string" }, dev: { type: "boolean", default: false } },
});
const dev = args.dev ?? false;
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Without --hostname the server listens on every interface, as `next start` does (behind a proxy, in a container).
const hostname = args.hostname;

let trust: TrustProxy;
try {
  trust = compileTrustedProxies(parseEnv(process.env).TRUSTED_PROXIES);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Read by instrumentation.ts: in production the app refuses to run without this server in front.
process.env[APP_SERVER_MARK] = "1";
const app = next({ dev, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const steps: RequestStep[] = [
  (request) => {
    assignClientAddress(request, trust);
    return false;
  },
  methodPolicyStep({ dev }),
];

let boundPort = port;
let stopWatcher = () => {};
if (!dev) {
  const databaseUrl = process.env.DATABASE_URL || "file:./data/app.db";
  let source: ReturnType<typeof openVersionSource>;
  try {
    source = openVersionSource(databaseUrl);
  } catch (error) {
    // A missing SQLite file (never prepared, or a wrong DATABASE_URL) must stop the start with a failure
    // status a supervisor sees, not a logged exception and exit code 0.
    console.error(`app server: cannot open the database ${databaseUrl.startsWith("file:") ? databaseUrl : "(DATABASE_URL)"}: ${(error as Error).message}. Run \`npm run db:prepare\` to create and migrate it.`);
    process.exit(1);
  }
  let lastError = "";
  const watcher = createContentVersionWatcher(source.read, {
    onError: (error) => {
      const message = (error as Error).message;
      if (message !== lastError) console.error(`app server: cannot read the content version (pages are rendered per request until it can): ${message}`);
      lastError = message;
    },
  });
  await watcher.refresh();
  installWatcher(watcher);
  stopWatcher = () => {
    watcher.stop();
    void source.close();
  };
  // Loopback renders must reach this process: through 127.0.0.1 unless it listens on one address only.
  const renderHost = hostname === undefined || ["0.0.0.0", "::", "localhost"].includes(hostname) ? "127.0.0.1" : hostname;
  const renderer = createLoopbackRenderer(() => ({ host: renderHost, port: boundPort }));
  const pages = createPageCache({ render: renderer.render, version: watcher.current });
  // First in line: a page every reader gets alike needs neither the client's address nor the method policy
  // (the cache takes only GET and HEAD of page paths, which every page allows), and answering it without
  // those steps, synchronously, is what brings a cached page near a static file server (docs/decisions/0011).
  const failedRender = (request: IncomingMessage, response: ServerResponse, error: unknown) => {
    // A failed render is never fatal to the request: Next.js answers it directly.
    console.error(`app server: page cache failed for ${request.url}: ${(error as Error).stack ?? String(error)}`);
    if (response.headersSent) response.destroy();
    return response.headersSent;
  };
  steps.unshift((request, response) => {
    if (renderer.isRenderRequest(request)) return false;
    // Only the page cache's own renders may ask for a document without its HTML in the payload.
    delete request.headers[DOCUMENT_HEADER];
    try {
      const handled = pages.handle(request, response);
      return handled instanceof Promise ? handled.catch((error: unknown) => failedRender(request, response, error)) : handled;
    } catch (error) {
      return failedRender(request, response, error);
    }
  });
  // Last before Next.js: fair admission under a burst (lib/server/admission.ts). Four at once kept the
  // submissions bench's c64 p99 within 2× of its p50 on both databases (1.2–1.9 across runs), at the same
  // or better throughput than no gate; eight gave PostgreSQL no more throughput (decision 0015).
  steps.push(createAdmissionGate({ concurrency: 4, holdLimitMs: 2_000 }).step);
}

const server = createServer(pipeline(steps, (request, response) => handle(request, response)));
server.on("connect", refuseConnect({ dev }));
server.listen(port, hostname === "localhost" ? "127.0.0.1" : hostname, () => {
  const address = server.address();
  if (typeof address === "object" && address) boundPort = address.port;
  console.log(`app server: listening on http://${hostname ?? "localhost"}:${boundPort}${dev ? " (development)" : ""}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  stopWatcher();
  server.close();
  server.closeIdleConnections();
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
