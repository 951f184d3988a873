// content:build as a function: compile every course (through the cache) and write .content/.
import { writeBuildOutput, type BuildOutputSummary } from "./build-output";
import { DEFAULT_COURSES_DIR } from "./check-content";
import { compileCourses } from "./compile-course";
import type { MdxBundler } from "./compile-lesson";
import { findCourseDirs } from "./course-layout";
import { hasErrors, sortDiagnostics, type ContentDiagnostic } from "./diagnostics";
import { defaultOutputDir } from "./output-paths";

export type BuildContentOptions = {
  /** Course folders, or folders of courses; defaults to content/courses. */
  paths?: readonly string[];
  outputDir?: string;
  /** null disables the compile cache. */
  cacheDir?: string | null;
  salt?: string;
  bundler?: MdxBundler;
};

export type BuildContentResult = { ok: boolean; diagnostics: ContentDiagnostic[]; output: BuildOutputSummary; lessons: number; failedLessons: number };

export async function buildContent(options: BuildContentOptions = {}): Promise<BuildContentResult> {
  const courseDirs = [...new Set((await Promise.all((options.paths ?? [DEFAULT_COURSES_DIR]).map(findCourseDirs))).flat())];
  const results = await compileCourses(courseDirs, { cacheDir: options.cacheDir, salt: options.salt, bundler: options.bundler });
  const output = await writeBuildOutput(results, options.outputDir ?? defaultOutputDir());
  const diagnostics = sortDiagnostics(results.flatMap((result) => result.diagnostics));
  return {
    ok: !hasErrors(diagnostics),
    diagnostics,
    output,
    lessons: results.reduce((total, result) => total + result.lessons.length, 0),
    failedLessons: results.reduce((total, result) => total + result.failedLessons.length, 0),
  };
}
