// The app server: Node's HTTP server in front of Next.js's request handler. `npm start` (scripts/start.mjs)
// runs it instead of `next start`, which cannot tell the socket's address from a forged X-Forwarded-For.
// Each request goes through a short pipeline (lib/server/pipeline.ts) before Next sees it:
//   1. client address: from the socket, or from X-Forwarded-For behind a trusted proxy (TRUSTED_PROXIES);
//      forged forwarded headers removed; the answer handed to the app in x-af-client-address
//   2. method policy: 405 with Allow for a method the route does not serve, 204 with Allow for OPTIONS
//   3. Next.js
// Bundled with esbuild before it runs (scripts/lib/app-server-bundle.mjs), since it imports TypeScript.
//   node .cache/app-server.mjs [--port 3000] [--hostname 0.0.0.0] [--dev]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { EnvError, parseEnv } from "@/lib/env";
import { APP_SERVER_MARK, assignClientAddress, compileTrustedProxies, type TrustProxy } from "@/lib/server/client-address";
import { methodPolicyStep, refuseConnect } from "@/lib/server/method-policy";
import { pipeline, type RequestStep } from "@/lib/server/pipeline";

const { values: args } = parseArgs({
  options: { port: { type: "string" }, hostname: { type: "string" }, dev: { type: "boolean", default: false } },
});
const dev = args.dev ?? false;
const port = Number(args.port ?? process.env.PORT ?? 3000);

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
const app = next({ dev, hostname: args.hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const steps: RequestStep[] = [
  (request) => {
    assignClientAddress(request, trust);
    return false;
  },
  methodPolicyStep({ dev }),
];

const server = createServer(pipeline(steps, (request, response) => handle(request, response)));
server.on("connect", refuseConnect({ dev }));
server.listen(port, args.hostname, () => {
  console.log(`app server: listening on http://${args.hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
