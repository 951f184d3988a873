import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { THEME_SCRIPT } from "@/components/layout/theme-script";
import { pageCsp, RUNNER_PATH, securityHeaders, workerCsp } from "./security-headers.mjs";

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

  it("allows eval only in the development server and the learner-code runner; worker scripts get no eval and no network", () => {
    expect(pageCsp({ dev: true })).toContain("'unsafe-eval'");
    const worker = directives(workerCsp());
    expect(worker.get("script-src")).toEqual(["'self'"]);
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
    expect(pageCsp()).not.toContain("'unsafe-eval'");
    // The learner-code runner sends its own policy (with its script's hash) from its route, and may be framed by our pages.
    expect(csp(RUNNER_PATH)).toEqual([]);
    expect(csp(`${RUNNER_PATH}-lookalike`)).toEqual([pageCsp()]);
    const frameOptions = rules.filter((rule) => rule.source === RUNNER_PATH).flatMap((rule) => rule.headers);
    expect(frameOptions).toEqual([{ key: "X-Frame-Options", value: "SAMEORIGIN" }]);
    expect(rules.findIndex((rule) => rule.source === RUNNER_PATH)).toBeGreaterThan(0); // after the DENY it overrides
    expect(rules[0]!.headers.map((header) => header.key)).toEqual(
      expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]),
    );
  });
});
