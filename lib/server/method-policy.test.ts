import { describe, expect, it } from "vitest";
import { ROUTE_TABLE } from "@/lib/security/route-table";
import { compileRoute, createMethodPolicy } from "./method-policy";

const production = createMethodPolicy({ dev: false });
const decide = (method: string, path: string, headers: Record<string, string> = {}) => production(method, path, headers);
const entry = (file: string) => ROUTE_TABLE.find((candidate) => candidate.file === file)!;

describe("compileRoute", () => {
  it("turns app paths into patterns", () => {
    expect(compileRoute(entry("app/page.tsx")).pattern.test("/")).toBe(true);
    const lesson = compileRoute(entry("app/courses/[course]/[lesson]/page.tsx")).pattern;
    expect(lesson.test("/courses/a/b")).toBe(true);
    expect(lesson.test("/courses/a/b/")).toBe(true);
    expect(lesson.test("/courses/a")).toBe(false);
    expect(lesson.test("/courses/a/b/c")).toBe(false);
    const auth = compileRoute(entry("app/api/auth/[...nextauth]/route.ts")).pattern;
    expect(auth.test("/api/auth/session")).toBe(true);
    expect(auth.test("/api/auth/callback/credentials")).toBe(true);
    expect(auth.test("/api/auth")).toBe(false);
    expect(compileRoute(entry("app/search-index.json/route.ts")).pattern.test("/search-indexxjson")).toBe(false);
  });
});

describe("the method policy", () => {
  it("answers TRACE and other unserved methods with 405 and the route's Allow", () => {
    expect(decide("TRACE", "/")).toEqual({ pass: false, status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(decide("DELETE", "/signin")).toEqual({ pass: false, status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(decide("TRACE", "/api/health")).toEqual({ pass: false, status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(decide("POST", "/api/health")).toEqual({ pass: false, status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(decide("GET", "/api/account/signup")).toEqual({ pass: false, status: 405, allow: "OPTIONS, POST" });
    expect(decide("PUT", "/api/auth/session")).toEqual({ pass: false, status: 405, allow: "GET, HEAD, OPTIONS, POST" });
    expect(decide("PROPFIND", "/api/quizzes/q/state")).toEqual({ pass: false, status: 405, allow: "GET, HEAD, OPTIONS" });
  });

  it("passes the methods a route serves", () => {
    for (const [method, path] of [
      ["GET", "/"],
      ["HEAD", "/courses/c/l"],
      ["GET", "/api/health"],
      ["HEAD", "/api/health"],
      ["POST", "/api/auth/callback/credentials"],
      ["PATCH", "/api/admin/users/u/role"],
      ["DELETE", "/api/account/sessions"],
      ["PUT", "/api/studio/courses/c/lessons/l/draft"],
    ]) {
      expect(decide(method!, path!), `${method} ${path}`).toEqual({ pass: true });
    }
  });

  it("answers OPTIONS itself, with Allow", () => {
    expect(decide("OPTIONS", "/api/progress/visit")).toEqual({ pass: false, status: 204, allow: "OPTIONS, POST" });
    expect(decide("OPTIONS", "/courses/c")).toEqual({ pass: false, status: 204, allow: "GET, HEAD, OPTIONS" });
  });

  it("lets server actions POST to pages", () => {
    expect(decide("POST", "/studio", { "next-action": "abc" })).toEqual({ pass: true });
    expect(decide("POST", "/studio")).toMatchObject({ status: 405 });
  });

  it("leaves unknown paths to Next's 404, but never lets a non-standard method through", () => {
    expect(decide("GET", "/no-such-page")).toEqual({ pass: true });
    expect(decide("POST", "/_next/static/chunks/x.js")).toEqual({ pass: true });
    expect(decide("TRACE", "/no-such-page")).toMatchObject({ status: 405 });
    expect(decide("LOCK", "/_next/static/chunks/x.js")).toMatchObject({ status: 405 });
  });

  it("serves development-only routes only in development", () => {
    for (const method of ["GET", "POST", "OPTIONS", "TRACE"]) expect(decide(method, "/api/dev/content-events")).toEqual({ pass: false, status: 404 });
    const dev = createMethodPolicy({ dev: true });
    expect(dev("GET", "/api/dev/content-events", {})).toEqual({ pass: true });
    expect(dev("POST", "/api/dev/content-events", {})).toMatchObject({ status: 405 });
  });

  it("prefers literal segments over parameters", () => {
    expect(decide("GET", "/studio/analytics")).toEqual({ pass: true });
    expect(decide("DELETE", "/studio/analytics")).toMatchObject({ status: 405 });
  });
});
