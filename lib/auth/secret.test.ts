import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureAuthSecret } from "./secret";

describe("ensureAuthSecret", () => {
  it("prefers the environment", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "secret-")), "s");
    expect(ensureAuthSecret("x".repeat(40), file)).toBe("x".repeat(40));
  });

  it("generates a secret once, keeps it private, and returns the same one afterwards", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "secret-")), "nested", "s");
    const first = ensureAuthSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(ensureAuthSecret(undefined, file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
