// Writes compiled courses to .content/. Every file is replaced atomically, and a lesson that failed
// keeps its last good JSON: its old output stays in the course summary, search index and quiz keys.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { compiledGlossarySchema, compiledLessonSchema, quizDefinitionsSchema, readStoredJson } from "../db/stored-json";
import type { QuizDefinition } from "../quiz/types";
import { summariseCourse, type CourseCompileResult } from "./compile-course";
import { glossarySearchDocuments, type CompiledGlossary } from "./glossary-compile";
import { outputPaths } from "./output-paths";
import { buildSearchIndex, type SearchDocument } from "./search-index";
import type { CompiledLesson } from "./types";

async function writeFileAtomic(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

/** The previous build's file: null when there is none, and null after a logged error when it is malformed. */
async function readPrevious<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  return readStoredJson(schema, text, file);
}

export type BuildOutputSummary = { written: string[]; keptPrevious: string[]; removed: string[] };

export async function writeBuildOutput(results: readonly CourseCompileResult[], outputDir: string): Promise<BuildOutputSummary> {
  const paths = outputPaths(outputDir);
  const summary: BuildOutputSummary = { written: [], keptPrevious: [], removed: [] };
  const indexed: CompiledLesson[] = [];
  const previousQuizzes = (await readPrevious(paths.quizzesFile, quizDefinitionsSchema)) ?? [];
  const quizzes: QuizDefinition[] = [];
  const pageDocuments: SearchDocument[] = [];

  for (const result of results) {
    const failed = new Set(result.failedLessons);
    const kept: CompiledLesson[] = [];
    for (const slug of failed) {
      const previous = await readPrevious(paths.lessonFile(result.courseSlug, slug), compiledLessonSchema);
      if (previous) {
        kept.push(previous);
        summary.keptPrevious.push(paths.lessonFile(result.courseSlug, slug));
      }
    }
    quizzes.push(...result.quizzes, ...previousQuizzes.filter((quiz) => quiz.courseSlug === result.courseSlug && failed.has(quiz.lessonSlug)));
    for (const lesson of result.lessons) {
      const file = paths.lessonFile(result.courseSlug, lesson.slug);
      await writeFileAtomic(file, JSON.stringify(lesson));
      summary.written.push(file);
    }
    const available = [...result.lessons, ...kept];
    indexed.push(...available);
    const glossary = await writeGlossary(result, paths.glossaryFile(result.courseSlug), summary);
    if (glossary) pageDocuments.push(...glossarySearchDocuments(glossary));
    if (!result.manifest) continue; // a broken manifest keeps the previous course.json
    const courseFile = paths.courseFile(result.courseSlug);
    await writeFileAtomic(courseFile, JSON.stringify(summariseCourse(result.manifest, available)));
    summary.written.push(courseFile);
    // Lessons dropped from the manifest disappear from the site.
    const listed = new Set(result.manifest.lessons.map((slug) => `${slug}.json`));
    for (const name of await readdir(path.dirname(courseFile))) {
      if (name.endsWith(".json") && name !== "course.json" && name !== "glossary.json" && !listed.has(name)) {
        await rm(path.join(path.dirname(courseFile), name));
        summary.removed.push(path.join(path.dirname(courseFile), name));
      }
    }
  }
  await writeFileAtomic(paths.quizzesFile, JSON.stringify(quizzes));
  await writeFileAtomic(paths.searchIndexFile, buildSearchIndex(indexed, pageDocuments));
  summary.written.push(paths.quizzesFile, paths.searchIndexFile);
  return summary;
}

/** Writes the glossary, keeps the previous one if this one failed, removes one the course no longer has. */
async function writeGlossary(result: CourseCompileResult, file: string, summary: BuildOutputSummary): Promise<CompiledGlossary | null> {
  if (result.glossary) {
    await writeFileAtomic(file, JSON.stringify(result.glossary));
    summary.written.push(file);
    return result.glossary;
  }
  const previous = await readPrevious(file, compiledGlossarySchema);
  if (result.glossaryFailed) {
    if (previous) summary.keptPrevious.push(file);
    return previous;
  }
  if (previous) {
    await rm(file);
    summary.removed.push(file);
  }
  return null;
}
