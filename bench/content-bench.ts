// Whole-course compile, cold (empty cache: every lesson through esbuild) and warm (every lesson from the cache).
// Run directly with `npx tsx bench/content-bench.ts`; bench/run.ts can import runContentBench.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_COURSES_DIR } from "../lib/content/check-content";
import { compileCourses } from "../lib/content/compile-course";
import { findCourseDirs } from "../lib/content/course-layout";

export type ContentBenchResult = { coldMs: number; warmMs: number; lessons: number };

export async function runContentBench(coursesDir: string = DEFAULT_COURSES_DIR): Promise<ContentBenchResult> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), "content-bench-"));
  try {
    const courseDirs = await findCourseDirs(coursesDir);
    const timeCompile = async () => {
      const started = performance.now();
      const results = await compileCourses(courseDirs, { cacheDir });
      const failed = results.flatMap((result) => result.failedLessons);
      if (failed.length) throw new Error(`content bench: lessons failed to compile: ${failed.join(", ")}`);
      return { ms: performance.now() - started, lessons: results.reduce((total, result) => total + result.lessons.length, 0) };
    };
    const cold = await timeCompile();
    const warm = await timeCompile();
    return { coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), lessons: cold.lessons };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const result = await runContentBench();
  console.log(JSON.stringify(result));
  await mkdir("bench-results", { recursive: true });
  await writeFile(path.join("bench-results", "content-compile.json"), `${JSON.stringify({ ...result, measuredAt: new Date().toISOString() }, null, 2)}\n`);
}
