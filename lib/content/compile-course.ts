// Compiles whole courses: every listed lesson (through the cache), then the cross-lesson checks.
// A lesson with any error, its own or a course-level one in its file, is reported as failed.
import path from "node:path";
import type { QuizDefinition } from "../quiz/types";
import { compileLesson, type CompileLessonOptions } from "./compile-lesson";
import { buildLinkTargets, checkCourseFacts, checkQuizIdsAcrossCourses } from "./course-checks";
import { readCourseLayout, type CourseLayout } from "./course-layout";
import { sortDiagnostics, type ContentDiagnostic } from "./diagnostics";
import { glossaryOutput, type CompiledGlossary } from "./glossary-compile";
import type { CourseManifest } from "./schemas";
import type { CompiledCourse, CompiledLesson, LessonFacts } from "./types";

export type CourseCompileResult = {
  dir: string;
  courseSlug: string;
  manifest: CourseManifest | null;
  /** Lessons that compiled with no errors, in manifest order. */
  lessons: CompiledLesson[];
  quizzes: QuizDefinition[];
  /** Lesson slugs that failed: their previous output must be kept. */
  failedLessons: string[];
  /** The rendered glossary; null when there is none, or when it has errors (then the previous one is kept). */
  glossary: CompiledGlossary | null;
  /** The course has a glossary.yaml that failed: its previous output must be kept. */
  glossaryFailed: boolean;
  diagnostics: ContentDiagnostic[];
};

export type CompileCoursesOptions = Omit<CompileLessonOptions, "courseSlug">;

export async function compileCourses(courseDirs: readonly string[], options: CompileCoursesOptions = {}): Promise<CourseCompileResult[]> {
  const layouts: CourseLayout[] = [];
  for (const dir of courseDirs) layouts.push(await readCourseLayout(dir));
  const results: Array<Omit<CourseCompileResult, "glossary" | "glossaryFailed"> & { facts: LessonFacts[]; layout: CourseLayout }> = [];
  for (const layout of layouts) {
    const courseSlug = layout.manifest.manifest?.slug ?? layout.courseSlug;
    const result = { dir: layout.dir, courseSlug, manifest: layout.manifest.manifest, lessons: [] as CompiledLesson[], quizzes: [] as QuizDefinition[], failedLessons: [] as string[], diagnostics: [...layout.diagnostics], facts: [] as LessonFacts[], layout };
    for (const lesson of layout.lessonFiles) {
      // Sequential on purpose: esbuild runs one job at a time anyway (see esbuild-queue.ts).
      const compiled = await compileLesson(lesson.file, { ...options, courseSlug });
      result.diagnostics.push(...compiled.diagnostics);
      if (compiled.ok) {
        result.lessons.push(compiled.lesson);
        result.quizzes.push(...compiled.quizzes);
        result.facts.push(compiled.facts);
      } else {
        result.failedLessons.push(lesson.slug);
      }
    }
    results.push(result);
  }
  const targets = buildLinkTargets(layouts, results.flatMap((result) => result.facts));
  const quizIdProblems = checkQuizIdsAcrossCourses(results.flatMap((result) => result.facts));
  return results.map(({ facts, layout, ...result }) => {
    const files = new Set(facts.map((lesson) => lesson.file));
    const courseProblems = [...checkCourseFacts(facts, targets), ...quizIdProblems.filter((problem) => files.has(problem.file))];
    const glossary = glossaryOutput(layout, result.courseSlug, targets);
    const filesWithErrors = new Set(courseProblems.filter((problem) => problem.severity === "error").map((problem) => problem.file));
    const failed = new Set(result.failedLessons);
    for (const lesson of facts) if (filesWithErrors.has(lesson.file)) failed.add(lesson.slug);
    return {
      ...result,
      lessons: result.lessons.filter((lesson) => !failed.has(lesson.slug)),
      quizzes: result.quizzes.filter((quiz) => !failed.has(quiz.lessonSlug)),
      failedLessons: [...failed],
      glossary: glossary.compiled,
      glossaryFailed: glossary.failed,
      diagnostics: sortDiagnostics([...result.diagnostics, ...courseProblems, ...glossary.diagnostics]),
    };
  });
}

export async function compileCourse(courseDir: string, options: CompileCoursesOptions = {}): Promise<CourseCompileResult> {
  const [result] = await compileCourses([path.resolve(courseDir)], options);
  return result!;
}

/** The public course file: the manifest plus what the syllabus shows of each lesson. */
export function summariseCourse(manifest: CourseManifest, lessons: readonly CompiledLesson[]): CompiledCourse {
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  return {
    manifest,
    lessons: manifest.lessons.flatMap((slug) => {
      const lesson = bySlug.get(slug);
      if (!lesson) return [];
      const { title, summary, estimatedMinutes, objectives } = lesson.frontmatter;
      return [{ slug, title, summary, estimatedMinutes, objectives, quizIds: Object.keys(lesson.publicQuizzes), contentHash: lesson.contentHash }];
    }),
  };
}
