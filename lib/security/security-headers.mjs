// Response headers for every route, read by next.config.mjs (so plain JavaScript). Why the policy looks
// like this: docs/decisions/0008-content-security-policy.md.

// Prerendered lesson pages cannot carry a per-request nonce, so Next's inline bootstrap scripts are
// allowed with 'unsafe-inline'. A hash (e.g. the theme script's) must not be listed beside it: browsers
// that understand hashes then ignore 'unsafe-inline' and would block Next's own inline scripts.
// 'unsafe-eval' is never allowed on pages, the studio included (its preview is data rendered by React,
// docs/decisions/0005); only the development server (React Refresh) needs it. One policy for every page
// also means client-side navigation never meets a policy its document did not load with.
export function pageCsp({ dev = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    // Observable Plot writes <style> into its SVGs and KaTeX uses style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in with GitHub posts to our origin, which then redirects the form to github.com.
    "form-action 'self' https://github.com",
    "frame-ancestors 'none'",
  ].join("; ");
}

// A same-origin worker takes its policy from the response that delivered its script, not from the page.
// Turbopack serves worker entry scripts from /_next/static/chunks/, and the conformal sandbox compiles
// learner-written properties in a worker with indirect eval, so these scripts get their own policy:
// eval, but no network and nothing else.
export function workerCsp() {
  return ["default-src 'none'", "script-src 'self' 'unsafe-eval'", "connect-src 'none'"].join("; ");
}

export function securityHeaders({ dev = false } = {}) {
  const common = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
  return [
    { source: "/:path*", headers: common },
    { source: "/((?!_next/static/).*)", headers: [{ key: "Content-Security-Policy", value: pageCsp({ dev }) }] },
    { source: "/_next/static/chunks/:path*", headers: [{ key: "Content-Security-Policy", value: workerCsp() }] },
  ];
}
