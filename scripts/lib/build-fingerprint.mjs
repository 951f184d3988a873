// A hash of everything a production build depends on, so `npm start` rebuilds only when something changed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "content", "public"];
// The compile-hints step edits the build, so a change to it needs a new build too.
const FILES = ["scripts/lib/compile-hints.mjs", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma", "instrumentation.ts"];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!entry.name.endsWith(".test.ts")) yield full;
  }
}

export function buildFingerprint() {
  const hash = createHash("sha256");
  const files = [...FILES.filter(existsSync), ...ROOTS.filter(existsSync).flatMap((root) => [...walk(root)])].sort();
  for (const file of files) {
    hash.update(file);
    hash.update(String(statSync(file).size));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}
