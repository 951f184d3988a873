import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPILE_HINT, markStartupChunks } from "./compile-hints.mjs";

/** A build directory shaped like Next's: a manifest naming the root main files, plus other chunks. */
function fakeBuild() {
  const dist = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  const chunks = { framework: "static/chunks/framework.js", runtime: "static/chunks/turbopack-runtime.js", island: "static/chunks/quiz-island.js", polyfill: "static/chunks/polyfills.js", css: "static/chunks/app.css" };
  for (const file of Object.values(chunks)) writeFileSync(path.join(dist, file), `/* ${file} */ (globalThis.TURBOPACK||[]).push([1,(e)=>{"é ∑"}]);`);
  const manifest = { polyfillFiles: [chunks.polyfill], rootMainFiles: [chunks.framework, chunks.runtime, chunks.css] };
  writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify(manifest));
  const read = (file: string) => readFileSync(path.join(dist, file), "utf8");
  return { dist, chunks, read };
}

describe("markStartupChunks", () => {
  it("prepends the hint to the root main scripts only, keeping their bytes after it", () => {
    const { dist, chunks, read } = fakeBuild();
    const before = read(chunks.framework);
    expect(markStartupChunks(dist)).toEqual([chunks.framework, chunks.runtime]);
    expect(read(chunks.framework)).toBe(COMPILE_HINT + before);
    expect(read(chunks.runtime).startsWith(COMPILE_HINT)).toBe(true);
    // Loaded later or never by a module browser, and a stylesheet: left as built.
    for (const file of [chunks.island, chunks.polyfill, chunks.css]) expect(read(file).startsWith("//#")).toBe(false);
  });

  it("is idempotent, so a second run of the step leaves the build as it is", () => {
    const { dist, chunks, read } = fakeBuild();
    markStartupChunks(dist);
    const once = read(chunks.framework);
    expect(markStartupChunks(dist)).toEqual([]);
    expect(read(chunks.framework)).toBe(once);
  });

  it("is V8's magic comment for eager compilation of a whole file, on its own first line", () => {
    expect(COMPILE_HINT).toBe("//# allFunctionsCalledOnLoad\n");
  });

  it("fails loudly without a build", () => {
    expect(() => markStartupChunks(mkdtempSync(path.join(tmpdir(), "no-build-")))).toThrow(/build-manifest\.json.*next build/);
  });
});
