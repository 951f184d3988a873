// Compiles one lesson: analyse (no esbuild), then bundle with mdx-bundler through the shared plugin list,
// one esbuild job at a time, with an on-disk cache so unchanged lessons never reach esbuild again.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import type { PluggableList } from "unified";
import { analysisFailed, analyzeLesson, lessonFacts, type LessonInput } from "./analyze-lesson";
import { compileCacheKey, contentHash, DEFAULT_CACHE_DIR, readCachedLesson, writeCachedLesson } from "./compile-cache";
import { createDiagnostic, hasErrors, type ContentDiagnostic } from "./diagnostics";
import { runExclusive } from "./esbuild-queue";
import { lessonBodySegments, rehypeCaptureBody } from "./lesson-body";
import { lessonRehypePlugins, lessonRemarkPlugins } from "./pipeline";
import { ephemeralSecret } from "./quiz-ids";
import type { HeadingCollector } from "./rehype-headings";
import { createLessonCollector } from "./remark-lesson";
import { resolveSearchSections } from "./search-text";
import type { CompiledLesson, LessonCompileResult } from "./types";

/** The esbuild step, injectable so tests can count calls. Lessons have no imports, so nothing is bundled but the MDX itself. */
export type MdxBundler = (job: { source: string; remarkPlugins: PluggableList; rehypePlugins: PluggableList }) => Promise<{ code: string }>;

export const bundleWithMdxBundler: MdxBundler = async ({ source, remarkPlugins, rehypePlugins }) => {
  const result = await bundleMDX({
    source,
    // Typed here: mdx-bundler's own type for these options points at a file @mdx-js/esbuild no longer ships.
    mdxOptions(options: { remarkPlugins?: PluggableList; rehypePlugins?: PluggableList }) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), ...remarkPlugins];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), ...rehypePlugins];
      return options;
    },
  });
  return { code: result.code };
};

type CompileOptions = {
  /** The installation's choice-id secret (quiz-secret.ts); analysis without one uses a random one per process. */
  salt?: string;
  bundler?: MdxBundler;
};

export type CompileSourceOptions = CompileOptions & {
  courseSlug: string;
  /** Shown in diagnostics; defaults to "<preview>". */
  file?: string;
  /** When given, the frontmatter slug must equal it. */
  expectedSlug?: string;
};

type EsbuildFailure = { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> };

function bundleFailure(file: string, error: unknown): ContentDiagnostic[] {
  const failures = (error as EsbuildFailure).errors;
  if (Array.isArray(failures) && failures.length > 0) {
    return failures.map((failure) => createDiagnostic(file, { line: failure.location?.line ?? 1, column: (failure.location?.column ?? 0) + 1 }, `MDX compile failed: ${failure.text}`));
  }
  return [createDiagnostic(file, { line: 1, column: 1 }, `MDX compile failed: ${error instanceof Error ? error.message : String(error)}`)];
}

/**
 * Compiles MDX text with the same validation and plugins as a lesson file, without the cache.
 * The studio's preview calls this on unsaved text.
 */
export async function compileLessonSource(source: string, options: CompileSourceOptions): Promise<LessonCompileResult> {
  const salt = options.salt ?? ephemeralSecret();
  const input: LessonInput = { source, file: options.file ?? "<preview>", courseSlug: options.courseSlug, expectedSlug: options.expectedSlug, salt };
  const analysis = await analyzeLesson(input);
  const facts = lessonFacts(analysis, input);
  if (analysisFailed(analysis) || !analysis.frontmatter || !analysis.collector || !facts) return { ok: false, diagnostics: analysis.diagnostics };

  const bundleCollector = createLessonCollector({ ...input, lessonSlug: analysis.frontmatter.slug, references: analysis.collector.references, salt });
  const bundleHeadings: HeadingCollector = { toc: [], anchors: [] };
  const captured: { tree: import("hast").Root | null } = { tree: null };
  let code: string;
  try {
    ({ code } = await runExclusive(() =>
      (options.bundler ?? bundleWithMdxBundler)({
        source,
        remarkPlugins: lessonRemarkPlugins(bundleCollector),
        rehypePlugins: [...lessonRehypePlugins(bundleHeadings, { highlight: true }), [rehypeCaptureBody, captured]],
      }),
    ));
  } catch (error) {
    return { ok: false, diagnostics: [...analysis.diagnostics, ...bundleFailure(input.file, error)] };
  }
  if (hasErrors(bundleCollector.diagnostics)) return { ok: false, diagnostics: [...analysis.diagnostics, ...bundleCollector.diagnostics] };

  const quizzes = analysis.collector.quizzes.map((quiz) => quiz.definition);
  const lesson: CompiledLesson = {
    courseSlug: options.courseSlug,
    slug: analysis.frontmatter.slug,
    contentHash: contentHash(source).slice(0, 16),
    frontmatter: analysis.frontmatter,
    code,
    ...(captured.tree ? { body: lessonBodySegments(captured.tree, { references: analysis.frontmatter.references, citations: analysis.collector.citations }) } : {}),
    toc: analysis.headings.toc,
    citations: analysis.collector.citations,
    publicQuizzes: Object.fromEntries(analysis.collector.quizzes.map((quiz) => [quiz.definition.id, quiz.publicQuiz])),
    searchSections: resolveSearchSections(analysis.collector.searchSections, analysis.headings.toc),
  };
  return { ok: true, lesson, quizzes, facts, diagnostics: analysis.diagnostics };
}

export type CompileLessonOptions = CompileOptions & {
  courseSlug: string;
  /** Where compiled lessons are cached; null disables the cache. */
  cacheDir?: string | null;
};

/** Compiles a lesson file, or returns the cached result when its content, path and pipeline are unchanged. */
export async function compileLesson(file: string, options: CompileLessonOptions): Promise<LessonCompileResult> {
  const absolute = path.resolve(file);
  const source = await readFile(absolute, "utf8");
  const salt = options.salt ?? ephemeralSecret();
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const key = compileCacheKey({ file: absolute, courseSlug: options.courseSlug, source, salt });
  if (cacheDir) {
    const cached = await readCachedLesson(cacheDir, key);
    if (cached) return { ok: true, ...cached };
  }
  const result = await compileLessonSource(source, { ...options, salt, file: absolute, expectedSlug: path.basename(absolute, ".mdx") });
  if (result.ok && cacheDir) {
    await writeCachedLesson(cacheDir, key, { lesson: result.lesson, quizzes: result.quizzes, facts: result.facts, diagnostics: result.diagnostics });
  }
  return result;
}
