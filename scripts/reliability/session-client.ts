// A small cookie-keeping HTTP client for load and fault tests: signs in through next-auth's credentials
// endpoint like a browser form does, then sends JSON with the session cookie and a same-origin header.
// Only ever pointed at the local test server.
//
// Each client connects from its own loopback address (127.x.y.z; on Linux the whole 127.0.0.0/8 is local),
// so the server sees a distinct socket address per simulated learner, as it would for real machines. The
// per-address rate limits (lib/security/rate-limit.ts) then apply to each client alone, and one spec's
// failed sign-ins cannot lock out another's.
import { randomInt } from "node:crypto";
import { Agent, fetch } from "undici";

export type JsonResponse = { status: number; body: unknown; text: string; headers: Headers };

function cookiePairs(headers: Headers): string[] {
  return headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** A random loopback address other than 127.0.0.1 (which the browser-driven specs use). */
export function randomLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

const agents = new Map<string, Agent>();
/** One connection pool per source address, kept for the life of the test process. */
function agentFor(localAddress: string): Agent {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new Agent({ localAddress, keepAliveTimeout: 2_000 });
    agents.set(localAddress, agent);
  }
  return agent;
}

export type SendInit = {
  json?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send this one request from another loopback address than the client's own. */
  clientAddress?: string;
};

export class SessionClient {
  private readonly cookies = new Map<string, string>();
  /** The server's address as 127.0.0.1, so that connections can come from other loopback addresses. */
  readonly baseUrl: string;
  /** The loopback address this client connects from. */
  readonly clientAddress: string;

  constructor(baseUrl: string, private readonly extraHeaders: Record<string, string> = {}, options: { clientAddress?: string } = {}) {
    const url = new URL(baseUrl);
    if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`refusing to send test traffic to ${url.hostname}`);
    if (url.hostname === "localhost") url.hostname = "127.0.0.1";
    this.baseUrl = url.origin;
    this.clientAddress = options.clientAddress ?? randomLoopbackAddress();
  }

  /** Another client (from another address) holding a copy of this one's cookies, as a cookie thief would. */
  copy(): SessionClient {
    const copy = new SessionClient(this.baseUrl, this.extraHeaders);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(headers: Headers) {
    for (const pair of cookiePairs(headers)) {
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  async send(method: string, path: string, init: SendInit = {}): Promise<JsonResponse> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...this.extraHeaders, ...init.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    let body: string | undefined;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers["content-type"] = "application/json";
    } else if (init.raw !== undefined) {
      body = init.raw;
      headers["content-type"] = init.contentType ?? "application/json";
    }
    // A one-off address gets a one-off connection pool, closed once the answer is read.
    const oneOff = init.clientAddress ? new Agent({ localAddress: init.clientAddress }) : null;
    const dispatcher = oneOff ?? agentFor(this.clientAddress);
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual", dispatcher });
    this.remember(response.headers as unknown as Headers);
    const text = await response.text();
    await oneOff?.close();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers as unknown as Headers };
  }

  async csrfToken(): Promise<string> {
    const response = await this.send("GET", "/api/auth/csrf");
    return (response.body as { csrfToken: string }).csrfToken;
  }

  /** Signs in with email and password; throws unless next-auth set a session cookie. */
  async signIn(email: string, password: string): Promise<void> {
    const csrfToken = await this.csrfToken();
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    const response = await this.send("POST", "/api/auth/callback/credentials", { raw: form, contentType: "application/x-www-form-urlencoded" });
    if (![...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
      throw new Error(`sign-in failed for ${email}: ${response.status} ${response.text.slice(0, 200)}`);
    }
  }

  async signUpAndSignIn(account: { name: string; email: string; password: string }): Promise<void> {
    const created = await this.send("POST", "/api/account/signup", { json: account });
    if (created.status !== 202) throw new Error(`sign-up failed for ${account.email}: ${created.status} ${created.text.slice(0, 200)}`);
    await this.signIn(account.email, account.password);
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(runners);
}

/** A body that looks like a server error page or a leaked stack trace. */
export function leaksStackTrace(text: string): boolean {
  return /\n\s+at\s+\S+.*:\d+:\d+|node_modules\/|webpack-internal:|\.next\/server\/|Error:\s.*\n\s+at\s/.test(text);
}
