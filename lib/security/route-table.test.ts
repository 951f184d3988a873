import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CALLERS, isAllowed, ROUTE_TABLE } from "./route-table";

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
});
