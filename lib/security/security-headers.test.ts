import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { THEME_SCRIPT } from "@/components/layout/theme-script";
import { pageCsp, securityHeaders, workerCsp } from "./security-headers.mjs";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0]!, part.split(" ").slice(1)]));

describe("security headers", () => {
  it("never allows eval on pages in production, and blocks framing, plugins and base rewrites", () => {
    const csp = directives(pageCsp());
    expect(pageCsp()).not.toContain("unsafe-eval");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("lists no script hash beside 'unsafe-inline', which would switch 'unsafe-inline' off and block Next's inline scripts", () => {
    const scriptSrc = directives(pageCsp()).get("script-src")!;
    expect(scriptSrc).toContain("'unsafe-inline'");
    expect(scriptSrc.some((source) => source.startsWith("'sha256-") || source.startsWith("'nonce-"))).toBe(false);
    // The theme script stays a constant, so a future nonce/hash policy can allow it by this hash.
    expect(createHash("sha256").update(THEME_SCRIPT).digest("base64")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("allows eval only in the development server and in worker scripts, which get no network", () => {
    expect(pageCsp({ dev: true })).toContain("'unsafe-eval'");
    const worker = directives(workerCsp());
    expect(worker.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(worker.get("connect-src")).toEqual(["'none'"]);
    expect(worker.get("default-src")).toEqual(["'none'"]);
  });

  it("sends the page policy everywhere except static chunks, which carry the worker policy", () => {
    const rules = securityHeaders();
    const csp = (path: string) =>
      rules
        .filter((rule) => new RegExp(`^${rule.source.replace("/:path*", "(/.*)?")}$`).test(path))
        .flatMap((rule) => rule.headers)
        .filter((header) => header.key === "Content-Security-Policy")
        .map((header) => header.value);
    expect(csp("/courses/alignment-foundations/why-fitting-data-is-not-enough")).toEqual([pageCsp()]);
    expect(csp("/sandbox/conformal")).toEqual([pageCsp()]);
    expect(csp("/_next/static/chunks/abc.js")).toEqual([workerCsp()]);
    // The studio too: its preview is a tree rendered by React, so no page needs eval, and navigating between
    // pages on the client never meets a policy the document did not load with (issue 13).
    expect(csp("/studio")).toEqual([pageCsp()]);
    expect(csp("/studio/alignment-foundations/a-lesson")).toEqual([pageCsp()]);
    expect(rules[0]!.headers.map((header) => header.key)).toEqual(
      expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]),
    );
  });
});
