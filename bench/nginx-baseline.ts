// nginx serving the very bytes the app served, precompressed the way the app compressed them: the body
// as .html, plus .html.gz for gzip_static and .html.br for brotli_static when the app answered with br.
// The app's own response headers (CSP and the other security headers, Cache-Control, Vary) are added
// too, so both servers put the same headers on the wire.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { freePort } from "../scripts/reliability/app-server";
import { ensureBrotliStatic, ensureNginx } from "./system-tools";

export type StaticPage = {
  /** File name under nginx's root, e.g. "lesson-1" (served at /lesson-1.html). */
  name: string;
  html: Buffer;
  /** The app's response headers to repeat (lower-case names). */
  headers: Record<string, string>;
};

export type NginxBaseline = { url: string; brotli: boolean; pathOf(name: string): string; stop(): Promise<void> };

/** Headers nginx sets itself, or that describe one response rather than the resource. */
const NOT_REPEATED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "last-modified", "content-type", "server", "x-powered-by", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time", "x-af-cache"]);

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export async function startNginx(pages: StaticPage[], options: { brotli: boolean }): Promise<NginxBaseline> {
  const nginx = ensureNginx();
  const brotliModule = options.brotli ? ensureBrotliStatic() : null;
  if (options.brotli && !brotliModule) throw new Error("the app serves brotli but nginx's brotli_static module is missing: apt-get install libnginx-mod-http-brotli-static");
  const dir = mkdtempSync(path.join(tmpdir(), "af-bench-nginx-"));
  chmodSync(dir, 0o755); // nginx's workers run as an unprivileged user and must read the files
  const root = path.join(dir, "www");
  mkdirSync(root);
  const locations: string[] = [];
  for (const page of pages) {
    const file = path.join(root, `${page.name}.html`);
    writeFileSync(file, page.html);
    writeFileSync(`${file}.gz`, gzipSync(page.html, { level: 9 }));
    if (brotliModule) writeFileSync(`${file}.br`, brotliCompressSync(page.html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    const headers = Object.entries(page.headers)
      .filter(([name]) => !NOT_REPEATED.has(name))
      .map(([name, value]) => `      add_header ${name} ${quote(value)} always;`);
    locations.push(`    location = /${page.name}.html {\n${headers.join("\n")}\n    }`);
  }
  const port = await freePort();
  const config = `
${brotliModule ? `load_module ${brotliModule};` : ""}
worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { text/html html; }
  charset utf-8;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
    ${brotliModule ? "brotli_static on;" : ""}
${locations.join("\n")}
  }
}
`;
  const configFile = path.join(dir, "nginx.conf");
  writeFileSync(configFile, config);
  const child: ChildProcess = spawn(nginx, ["-c", configFile, "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${safeRead(path.join(dir, "error.log")).slice(-2000)}`);
    try {
      if ((await fetch(`${url}/${pages[0]!.name}.html`, { method: "HEAD" })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`nginx did not serve ${pages[0]!.name}.html within 10 s: ${stderr}${safeRead(path.join(dir, "error.log")).slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    brotli: Boolean(brotliModule),
    pathOf: (name) => `/${name}.html`,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
