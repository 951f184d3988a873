// The session store that replaced next-auth's client provider: one request, what it publishes for each
// answer the server can give, and a sign-out that does what next-auth's client does (CSRF, then POST).
import { afterEach, describe, expect, it, vi } from "vitest";
import { refreshSession, sessionSnapshot, signOut } from "./use-session";

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

afterEach(() => vi.unstubAllGlobals());

describe("the session store", () => {
  it("is authenticated with the user the server names, and signed out for an empty session", async () => {
    const fetchMock = vi.fn(async () => answer({ user: { name: "Ada", role: "instructor" }, expires: "2030-01-01" }));
    vi.stubGlobal("fetch", fetchMock);
    await refreshSession();
    expect(fetchMock).toHaveBeenCalledWith("/api/auth/session", { cache: "no-store" });
    expect(sessionSnapshot()).toEqual({ status: "authenticated", data: { user: { name: "Ada", role: "instructor" }, expires: "2030-01-01" } });

    vi.stubGlobal("fetch", vi.fn(async () => answer({})));
    await refreshSession();
    expect(sessionSnapshot()).toEqual({ status: "unauthenticated", data: null });
  });

  it("acts signed out when the server errs or cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => answer({ user: { name: "Ada" } }, 500)));
    await refreshSession();
    expect(sessionSnapshot().status).toBe("unauthenticated");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("offline"))));
    await refreshSession();
    expect(sessionSnapshot().status).toBe("unauthenticated");
  });

  it("signs out with the CSRF token, then loads the callback page", async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return url === "/api/auth/csrf" ? answer({ csrfToken: "token-1" }) : answer({ url: "/" });
    }));
    const assign = vi.fn();
    vi.stubGlobal("window", { location: { href: "https://course.example/courses/x", assign } });
    await signOut("/");
    expect(calls.map(([url]) => url)).toEqual(["/api/auth/csrf", "/api/auth/signout"]);
    expect(calls[1]![1]!.method).toBe("POST");
    expect(Object.fromEntries(new URLSearchParams(String(calls[1]![1]!.body)))).toEqual({ csrfToken: "token-1", callbackUrl: "/", json: "true" });
    expect(assign).toHaveBeenCalledWith("https://course.example/");
  });
});
