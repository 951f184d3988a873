// A small cookie-keeping HTTP client for load and fault tests: signs in through next-auth's credentials
// endpoint like a browser form does, then sends JSON with the session cookie and a same-origin header.
// Only ever pointed at the local test server.

export type JsonResponse = { status: number; body: unknown; text: string; headers: Headers };

function cookiePairs(headers: Headers): string[] {
  return headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export class SessionClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {
    const host = new URL(baseUrl).hostname;
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) throw new Error(`refusing to send test traffic to ${host}`);
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

  async send(method: string, path: string, init: { json?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
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
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual" });
    this.remember(response.headers);
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
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
    if (created.status !== 201) throw new Error(`sign-up failed for ${account.email}: ${created.status} ${created.text.slice(0, 200)}`);
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
