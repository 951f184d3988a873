// Reads what content:build wrote to .content/. Server-only: quizzes.json holds the answer keys.
// Files are re-read when their mtime changes, so a rebuild under `npm run dev` shows up on the next request.
// Each is parsed under its zod shape (lib/db/stored-json.ts): a malformed file is logged once per change and
// read as missing (a lesson or course 404s, a quiz is not found), never a crash.
import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import type { z } from "zod";
import { compiledCourseSchema, compiledGlossarySchema, compiledLessonSchema, quizDefinitionsSchema, readStoredJson } from "../db/stored-json";
import type { QuizDefinition } from "../quiz/types";
import type { CompiledGlossary } from "./glossary-compile";
import { defaultOutputDir, outputPaths } from "./output-paths";
import { SLUG_PATTERN } from "./schemas";
import type { CompiledCourse, CompiledLesson } from "./types";

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

async function readCachedFile<T>(file: string, parse: (text: string) => T | null): Promise<T | null> {
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T | null;
  const value = parse(await readFile(file, "utf8"));
  cache.set(file, { mtimeMs, value });
  return value;
}

function readCachedJson<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  return readCachedFile(file, (text) => readStoredJson(schema, text, file));
}

function paths(outputDir?: string) {
  return outputPaths(outputDir ?? defaultOutputDir());
}

/** Slugs come from URLs: anything but a plain slug could walk out of .content/. */
function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

export async function readCompiledCourse(courseSlug: string, outputDir?: string): Promise<CompiledCourse | null> {
  if (!isSlug(courseSlug)) return null;
  return readCachedJson(paths(outputDir).courseFile(courseSlug), compiledCourseSchema);
}

export async function readCompiledLesson(courseSlug: string, lessonSlug: string, outputDir?: string): Promise<CompiledLesson | null> {
  if (!isSlug(courseSlug) || !isSlug(lessonSlug)) return null;
  return readCachedJson(paths(outputDir).lessonFile(courseSlug, lessonSlug), compiledLessonSchema);
}

export async function readCompiledGlossary(courseSlug: string, outputDir?: string): Promise<CompiledGlossary | null> {
  if (!isSlug(courseSlug)) return null;
  return readCachedJson(paths(outputDir).glossaryFile(courseSlug), compiledGlossarySchema);
}

export async function listCompiledCourses(outputDir?: string): Promise<CompiledCourse[]> {
  const { publicDir } = paths(outputDir);
  let entries: string[];
  try {
    entries = (await readdir(publicDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
  const courses = await Promise.all(entries.map((slug) => readCompiledCourse(slug, outputDir)));
  return courses.filter((course): course is CompiledCourse => course !== null);
}

export async function readQuizDefinitions(outputDir?: string): Promise<QuizDefinition[]> {
  return (await readCachedJson(paths(outputDir).quizzesFile, quizDefinitionsSchema)) ?? [];
}

/** Quiz ids are unique within a course, so (course, quiz id) finds one definition. */
export async function readQuizDefinition(courseSlug: string, quizId: string, outputDir?: string): Promise<QuizDefinition | null> {
  const quizzes = await readQuizDefinitions(outputDir);
  return quizzes.find((quiz) => quiz.courseSlug === courseSlug && quiz.id === quizId) ?? null;
}

/** The MiniSearch JSON text; load it with loadSearchIndex from lib/content/search-index. */
export async function readSearchIndex(outputDir?: string): Promise<string | null> {
  return readCachedFile(paths(outputDir).searchIndexFile, (text) => text);
}
