// Where content:build writes and the compiled store reads. public/ may reach the browser;
// server/ (the answer keys) must only ever be read by server code.
import path from "node:path";
import { env } from "../env";

/** CONTENT_OUTPUT_DIR (validated in lib/env.ts), as an absolute path. */
export function defaultOutputDir(): string {
  return path.resolve(env().CONTENT_OUTPUT_DIR);
}

export function outputPaths(outputDir: string) {
  const publicDir = path.join(outputDir, "public");
  const serverDir = path.join(outputDir, "server");
  return {
    publicDir,
    serverDir,
    courseFile: (courseSlug: string) => path.join(publicDir, courseSlug, "course.json"),
    lessonFile: (courseSlug: string, lessonSlug: string) => path.join(publicDir, courseSlug, `${lessonSlug}.json`),
    glossaryFile: (courseSlug: string) => path.join(publicDir, courseSlug, "glossary.json"),
    searchIndexFile: path.join(publicDir, "search-index.json"),
    quizzesFile: path.join(serverDir, "quizzes.json"),
  };
}
