// Starts the app server (scripts/server.ts: Next.js behind the pipeline and the page cache, as `npm start`
// runs it) from the existing build on a free local port, as its own process group so a test can kill -9
// exactly the server it started. `cwd` runs a separate copy of the build (scripts/reliability/app-copy.ts).
// Used by the crash test, the coherence test, the rate-limit and security specs and the benchmarks.
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { bundleAppServer } from "../lib/app-server-bundle.mjs";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (existsSync("data/.nextauth-secret")) return readFileSync("data/.nextauth-secret", "utf8").trim();
  throw new Error("NEXTAUTH_SECRET is not set and data/.nextauth-secret does not exist");
}

export type AppServer = { url: string; port: number; child: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

export async function startAppServer(options: { port?: number; databaseUrl: string; env?: Record<string, string>; timeoutMs?: number; cwd?: string }): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.resolve(await bundleAppServer()), "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: options.cwd,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: options.databaseUrl, NEXTAUTH_SECRET: authSecret(), NEXTAUTH_URL: `http://localhost:${port}`, ...options.env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`app server did not become healthy on ${url}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    port,
    child,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal); // the group we created: the server and any worker it forked
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}
