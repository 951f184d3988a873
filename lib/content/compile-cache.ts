// The on-disk compile cache: one JSON file per (source path, content hash, pipeline version, salt),
// so a second compile of unchanged content reads a file and never starts esbuild.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { compileCacheEntrySchema, parseStoredJson } from "../db/stored-json";
import type { QuizDefinition } from "../quiz/types";
import type { ContentDiagnostic } from "./diagnostics";
import { PIPELINE_VERSION } from "./pipeline";
import type { CompiledLesson, LessonFacts } from "./types";

export const DEFAULT_CACHE_DIR = path.join(process.cwd(), ".cache", "content");

export type CachedLesson = { lesson: CompiledLesson; quizzes: QuizDefinition[]; facts: LessonFacts; diagnostics: ContentDiagnostic[] };

export function contentHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

export function compileCacheKey(parts: { file: string; courseSlug: string; source: string; salt: string }): string {
  return createHash("sha256")
    .update(JSON.stringify([PIPELINE_VERSION, parts.file, parts.courseSlug, contentHash(parts.source), contentHash(parts.salt)]))
    .digest("hex");
}

export async function readCachedLesson(cacheDir: string, key: string): Promise<CachedLesson | null> {
  let text: string;
  try {
    text = await readFile(path.join(cacheDir, `${key}.json`), "utf8");
  } catch {
    return null;
  }
  // A missing, torn or outdated cache file is a cache miss, never an error.
  const entry = parseStoredJson(compileCacheEntrySchema, text);
  return entry.ok && entry.value.key === key ? entry.value.value : null;
}

/** Writes to a temporary file and renames it, so a crash never leaves half an entry. */
export async function writeCachedLesson(cacheDir: string, key: string, value: CachedLesson): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = path.join(cacheDir, `${key}.json`);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify({ key, value }));
  await rename(temporary, target);
}
