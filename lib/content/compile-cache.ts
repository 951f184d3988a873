// The on-disk compile cache: one JSON file per (source path, content hash, pipeline version, salt),
// so a second compile of unchanged content reads a file and never starts esbuild.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
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
  try {
    const entry = JSON.parse(await readFile(path.join(cacheDir, `${key}.json`), "utf8")) as { key?: string; value?: CachedLesson };
    return entry.key === key && entry.value ? entry.value : null;
  } catch {
    // A missing or torn cache file is a cache miss, never an error.
    return null;
  }
}

/** Writes to a temporary file and renames it, so a crash never leaves half an entry. */
export async function writeCachedLesson(cacheDir: string, key: string, value: CachedLesson): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = path.join(cacheDir, `${key}.json`);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify({ key, value }));
  await rename(temporary, target);
}
