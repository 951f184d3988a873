// content:check without esbuild: every course's manifest, lessons, quizzes, citations and links.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { analyzeLesson, lessonFacts } from "./analyze-lesson";
import { buildLinkTargets, checkCourseFacts, checkQuizIdsAcrossCourses } from "./course-checks";
import { findCourseDirs, readCourseLayout, type CourseLayout } from "./course-layout";
import { sortDiagnostics, type ContentDiagnostic } from "./diagnostics";
import { glossaryOutput } from "./glossary-compile";
import type { ExtractedQuiz } from "./quiz-extract";
import type { LessonFacts } from "./types";

export const DEFAULT_COURSES_DIR = path.join(process.cwd(), "content", "courses");

/** Each path may be a course folder or a folder of courses. Sibling courses are link targets too. */
export type CheckedQuiz = { file: string; quiz: ExtractedQuiz };

/** `quizzes`, when given, receives every quiz found (for `content:check -- --items`). */
export async function checkContent(paths: readonly string[] = [DEFAULT_COURSES_DIR], options: { salt?: string; quizzes?: CheckedQuiz[] } = {}): Promise<ContentDiagnostic[]> {
  const courseDirs = [...new Set((await Promise.all(paths.map(findCourseDirs))).flat())];
  const siblingDirs = [...new Set((await Promise.all(courseDirs.map((dir) => findCourseDirs(path.dirname(dir))))).flat())];
  const layouts: CourseLayout[] = [];
  for (const dir of new Set([...courseDirs, ...siblingDirs])) layouts.push(await readCourseLayout(dir));

  const checked = layouts.filter((layout) => courseDirs.includes(layout.dir));
  const diagnostics: ContentDiagnostic[] = [];
  const factsByCourse = new Map<CourseLayout, LessonFacts[]>();
  for (const layout of checked) {
    diagnostics.push(...layout.diagnostics);
    const courseSlug = layout.manifest.manifest?.slug ?? layout.courseSlug;
    const facts: LessonFacts[] = [];
    for (const lesson of layout.lessonFiles) {
      const input = { source: await readFile(lesson.file, "utf8"), file: lesson.file, courseSlug, expectedSlug: lesson.slug, salt: options.salt };
      const analysis = await analyzeLesson(input);
      diagnostics.push(...analysis.diagnostics);
      for (const quiz of analysis.collector?.quizzes ?? []) options.quizzes?.push({ file: lesson.file, quiz });
      const lessonFact = lessonFacts(analysis, input);
      if (lessonFact) facts.push(lessonFact);
    }
    factsByCourse.set(layout, facts);
  }
  const targets = buildLinkTargets(layouts, [...factsByCourse.values()].flat());
  for (const [layout, facts] of factsByCourse) {
    diagnostics.push(...checkCourseFacts(facts, targets));
    diagnostics.push(...glossaryOutput(layout, layout.manifest.manifest?.slug ?? layout.courseSlug, targets).diagnostics);
  }
  diagnostics.push(...checkQuizIdsAcrossCourses([...factsByCourse.values()].flat()));
  return sortDiagnostics(diagnostics);
}
