// A separate copy of the built app in a temporary directory, as a second machine would hold it: its own
// .next/ (without the build cache), .content/, content/ and sources, sharing only node_modules (read-only)
// through a symlink. Two servers started from two copies share nothing on disk, so whatever they agree
// on came through the database.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const DIRECTORIES = [".next", ".content", "content", "generated", "lib", "scripts", "public", "prisma"];
const FILES = ["package.json", "next.config.mjs", "tsconfig.json"];

export type AppCopy = { dir: string; remove(): void };

export function copyBuiltApp(from = process.cwd()): AppCopy {
  const dir = mkdtempSync(path.join(tmpdir(), "af-instance-"));
  for (const name of DIRECTORIES.filter((entry) => existsSync(path.join(from, entry)))) {
    cpSync(path.join(from, name), path.join(dir, name), {
      recursive: true,
      filter: (source) => !source.startsWith(path.join(from, ".next", "cache")),
      force: true,
      errorOnExist: false,
    });
  }
  for (const name of FILES) cpSync(path.join(from, name), path.join(dir, name));
  symlinkSync(path.join(from, "node_modules"), path.join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
