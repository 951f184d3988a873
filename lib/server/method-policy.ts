// Which HTTP methods each page and route answers, decided before Next.js sees the request. Next.js
// answered TRACE with a 500, rendered dynamic pages for DELETE or PROPFIND, and sent 405 without the
// Allow header RFC 9110 requires. Here every route in lib/security/route-table.ts gets exactly its
// methods (route-table.test.ts checks them against the files' exports); any other method gets 405 with
// Allow, and OPTIONS gets 204 with Allow. Paths that match no route pass through to Next's 404, except for
// methods outside the standard set, which nothing here serves.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { allowedMethods, ROUTE_TABLE, type RouteEntry } from "@/lib/security/route-table";
import { answer, type RequestStep } from "./pipeline";

const STANDARD_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const DEFAULT_ALLOW = "GET, HEAD, OPTIONS";

type CompiledRoute = { entry: RouteEntry; pattern: RegExp; rank: number; allow: string[] };

/** app/courses/[course]/page.tsx → /^\/courses\/[^/]+\/?$/, with a rank: more literal segments match first. */
export function compileRoute(entry: RouteEntry): CompiledRoute {
  const segments = entry.file.split("/").slice(1, -1).filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  let literal = 0;
  const source = segments
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      literal++;
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    })
    .join("");
  const catchAll = segments.some((segment) => segment.startsWith("[..") || segment.startsWith("[[.."));
  return { entry, pattern: new RegExp(`^${source}/?$`), rank: literal * 100 + segments.length - (catchAll ? 50 : 0), allow: allowedMethods(entry) };
}

export type MethodDecision = { pass: true } | { pass: false; status: 204 | 405; allow: string } | { pass: false; status: 404 };

export function createMethodPolicy(options: { dev: boolean }) {
  const routes = ROUTE_TABLE.filter((entry) => entry.kind !== "action")
    .map(compileRoute)
    .sort((a, b) => b.rank - a.rank);

  return function decide(method: string, pathname: string, headers: IncomingMessage["headers"]): MethodDecision {
    const route = routes.find((candidate) => candidate.pattern.test(pathname));
    if (!route) return STANDARD_METHODS.has(method) ? { pass: true } : { pass: false, status: 405, allow: DEFAULT_ALLOW };
    // Development-only routes do not exist in production, whatever the method.
    if (route.entry.devOnly && !options.dev) return { pass: false, status: 404 };
    const allow = route.allow.join(", ");
    if (method === "OPTIONS") return { pass: false, status: 204, allow };
    if (route.allow.includes(method)) return { pass: true };
    // Server actions POST to the page they were rendered on; Next checks the action id.
    if (route.entry.kind === "page" && method === "POST" && headers["next-action"]) return { pass: true };
    return { pass: false, status: 405, allow };
  };
}

const STATUS_TEXT = { 204: "", 404: "Not Found", 405: "Method Not Allowed" } as const;

/** The pipeline step: answers 405 / 204 / 404 itself, passes everything else on. */
export function methodPolicyStep(options: { dev: boolean }): RequestStep {
  const decide = createMethodPolicy(options);
  return (request: IncomingMessage, response: ServerResponse) => {
    const decision = decide(request.method ?? "GET", pathOf(request), request.headers);
    if (decision.pass) return false;
    answer(response, decision.status, STATUS_TEXT[decision.status], "allow" in decision ? { allow: decision.allow } : {});
    return true;
  };
}

/**
 * CONNECT arrives as a "connect" event with the raw socket, never as a request; Node would otherwise drop
 * the connection. Answered from the same policy, as plain HTTP on the socket.
 */
export function refuseConnect(options: { dev: boolean }) {
  const decide = createMethodPolicy(options);
  return (request: IncomingMessage, socket: Duplex) => {
    const decision = decide("CONNECT", pathOf(request), request.headers);
    const allow = "allow" in decision ? decision.allow : DEFAULT_ALLOW;
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${allow}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  };
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? "/").split("?")[0]!;
}
