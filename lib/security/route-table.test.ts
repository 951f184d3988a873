import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, CALLERS, isAllowed, ROUTE_TABLE } from "./route-table";

const HANDLER_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The HTTP methods a route.ts exports: `export const GET`, `export async function POST`, `export { h as GET }`. */
function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(match[1]!);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1]!.split(",")) found.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  }
  return [...found].filter((name) => HANDLER_METHODS.includes(name)).sort();
}

/** Every file under app/ that the framework serves: pages, route handlers, and modules marked "use server". */
function servedFiles(dir = "app"): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...servedFiles(file));
    else if (/^(page|route)\.(tsx?|jsx?|mjs)$/.test(entry.name)) found.push(file);
    else if (/\.(tsx?|jsx?)$/.test(entry.name) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8"))) found.push(file);
  }
  return found.sort();
}

describe("route table", () => {
  it("lists every page, route handler and server action under app/", () => {
    const listed = new Set(ROUTE_TABLE.map((entry) => entry.file));
    const missing = servedFiles().filter((file) => !listed.has(file));
    expect(missing, "add these files to lib/security/route-table.ts with the role they require").toEqual([]);
  });

  it("names only files that exist, each once", () => {
    const files = ROUTE_TABLE.map((entry) => entry.file);
    expect(files.filter((file) => !existsSync(file))).toEqual([]);
    expect(new Set(files).size).toBe(files.length);
  });

  it("walks nested folders and finds server actions", () => {
    // The walker itself: the table test is only as good as this.
    const files = servedFiles();
    expect(files).toContain("app/courses/[course]/[lesson]/page.tsx");
    expect(files).toContain("app/api/auth/[...nextauth]/route.ts");
    expect(files.every((file) => !file.includes("forbidden.tsx") && !file.includes("layout.tsx"))).toBe(true);
  });

  it("allows each caller exactly what its role reaches", () => {
    expect(CALLERS.map((caller) => isAllowed("public", caller))).toEqual([true, true, true, true]);
    expect(CALLERS.map((caller) => isAllowed("student", caller))).toEqual([false, true, true, true]);
    expect(CALLERS.map((caller) => isAllowed("instructor", caller))).toEqual([false, false, true, true]);
    expect(CALLERS.map((caller) => isAllowed("admin", caller))).toEqual([false, false, false, true]);
  });

  it("knows which methods each route handler serves, so every other method gets 405 with the right Allow", () => {
    const wrong = ROUTE_TABLE.filter((entry) => entry.kind === "route")
      .map((entry) => ({ file: entry.file, exported: exportedMethods(entry.file), listed: allowedMethods(entry).filter((m) => m !== "HEAD" && m !== "OPTIONS") }))
      .filter(({ exported, listed }) => exported.join() !== listed.join());
    expect(wrong, "set `methods` on these entries to what the file exports").toEqual([]);
  });

  it("reads exports in each style, and derives Allow", () => {
    expect(exportedMethods("app/api/auth/[...nextauth]/route.ts")).toEqual(["GET", "POST"]);
    expect(exportedMethods("app/api/health/route.ts")).toEqual(["GET"]);
    expect(exportedMethods("app/api/account/sessions/route.ts")).toEqual(["DELETE"]);
    const page = ROUTE_TABLE.find((entry) => entry.file === "app/page.tsx")!;
    const auth = ROUTE_TABLE.find((entry) => entry.file === "app/api/auth/[...nextauth]/route.ts")!;
    expect(allowedMethods(page)).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods(auth)).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  });
});
