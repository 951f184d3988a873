// Every page and route handler in lib/security/route-table.ts, and a few paths that match nothing, under
// every method: never a 5xx; a method the route does not serve gets 405 with an Allow header naming the
// ones it does; OPTIONS answers 204 with the same Allow. Sent with node:http, because fetch refuses TRACE.
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { allowedMethods, ROUTE_TABLE, type RouteFixture } from "@/lib/security/route-table";
import { BASE_URL, LESSON, quizFixture } from "./support";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "PURGE", "LOCK", "CONNECT"] as const;

type Answer = { status: number; allow: string | null };

function send(method: string, path: string): Promise<Answer> {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve) => {
    const req = httpRequest({ host: "127.0.0.1", port: url.port, method, path: url.pathname + url.search, headers: { host: url.host } });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow ?? null }));
    });
    // CONNECT's answer arrives as a "connect" event with the raw socket.
    req.on("connect", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, allow: res.headers.allow ?? null });
    });
    // A dropped connection is an answer too (status 0), so the whole matrix is reported.
    req.on("error", () => resolve({ status: 0, allow: null }));
    req.end();
  });
}

test("every route × every method: no 5xx, 405 with Allow for a method the route does not serve", async () => {
  test.setTimeout(180_000);
  const fixture: RouteFixture = { ...LESSON, ...quizFixture("l2-check"), targetUserId: "no-such-user", classId: "no-such-class", classCode: "0000-0000", newId: () => "methods-probe" };
  const wrong: string[] = [];
  let sent = 0;
  for (const entry of ROUTE_TABLE) {
    const path = entry.sample(fixture).path;
    const allowed = allowedMethods(entry);
    const allow = [...allowed].sort().join(", ");
    for (const method of METHODS) {
      const answer = await send(method, path);
      sent++;
      const problem = (what: string) => wrong.push(`${method} ${path} (${entry.file}): ${answer.status} allow=${answer.allow}: ${what}`);
      if (answer.status >= 500 || answer.status === 0) problem("server error");
      else if (entry.devOnly) {
        if (answer.status !== 404 && !(method === "CONNECT" && answer.status === 405)) problem("expected 404: not served in production");
      } else if (method === "OPTIONS") {
        if (answer.status !== 204 || answer.allow !== allow) problem(`expected 204 with Allow: ${allow}`);
      } else if (!allowed.includes(method)) {
        if (answer.status !== 405 || answer.allow !== allow) problem(`expected 405 with Allow: ${allow}`);
      } else if (answer.status === 405) problem("an allowed method was refused");
    }
  }
  console.log(`methods: ${ROUTE_TABLE.length} routes × ${METHODS.length} methods = ${sent} requests, ${wrong.length} wrong`);
  expect(wrong).toEqual([]);
});

test("paths that match no route: never a 5xx, and TRACE or CONNECT never reach the app", async () => {
  for (const path of ["/no-such-page", "/api/no-such-route", "/_next/static/chunks/no-such.js", "/icon.svg", "/courses/no-such-course/no-such-lesson"]) {
    for (const method of METHODS) {
      const answer = await send(method, path);
      expect(answer.status, `${method} ${path}`).toBeGreaterThan(0);
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      if (["TRACE", "CONNECT", "PROPFIND", "PURGE", "LOCK"].includes(method)) expect(answer.status, `${method} ${path}`).toBe(405);
    }
  }
});
