import "server-only";
// Compiles text from the browser: the safe-MDX gate first (nothing unsafe ever reaches esbuild), then the
// same compile and validation as a lesson file. Publishing adds the cross-lesson checks of content:check.
import { analyzeLesson, lessonFacts } from "@/lib/content/analyze-lesson";
import { compileLessonSource } from "@/lib/content/compile-lesson";
import { checkCourseFacts, checkQuizIdsAcrossCourses } from "@/lib/content/course-checks";
import { createDiagnostic, hasErrors, sortDiagnostics, type ContentDiagnostic } from "@/lib/content/diagnostics";
import type { LinkTargets } from "@/lib/content/links";
import type { LessonCompileResult, LessonFacts } from "@/lib/content/types";
import { checkSafeMdx } from "./safe-mdx";
import { choiceIdSalt, studioFileLabel } from "./studio-labels";

export { studioFileLabel };

export async function compileStudioSource(source: string, courseSlug: string, lessonSlug: string, salt = choiceIdSalt()): Promise<LessonCompileResult> {
  const file = studioFileLabel(lessonSlug);
  const unsafe = checkSafeMdx(source);
  if (unsafe.length > 0) return { ok: false, diagnostics: unsafe.map((problem) => createDiagnostic(file, problem, problem.message)) };
  return compileLessonSource(source, { courseSlug, file, expectedSlug: lessonSlug, salt });
}

export async function analyzeSourceFacts(source: string, courseSlug: string, lessonSlug: string, file: string, salt = choiceIdSalt()): Promise<LessonFacts | null> {
  const input = { source, file, courseSlug, expectedSlug: lessonSlug, salt };
  return lessonFacts(await analyzeLesson(input), input);
}

/**
 * The checks that span lessons (quiz and item ids unique in the course, internal links resolve) for one
 * lesson against the rest of its course. Returns only the problems in that lesson.
 */
export function checkAgainstCourse(lesson: LessonFacts, others: readonly LessonFacts[], otherCourses: ReadonlyMap<string, readonly string[]>): ContentDiagnostic[] {
  const facts = [...others.filter((other) => other.slug !== lesson.slug), lesson];
  const targets: LinkTargets = new Map();
  for (const [courseSlug, slugs] of otherCourses) targets.set(courseSlug, new Map(slugs.map((slug) => [slug, null])));
  targets.set(lesson.courseSlug, new Map(facts.map((fact) => [fact.slug, new Set(fact.anchors)])));
  // Put this lesson last so a duplicate id is reported in it, not in the lesson that had it first.
  const problems = [...checkCourseFacts(facts, targets), ...checkQuizIdsAcrossCourses(facts)];
  return sortDiagnostics(problems.filter((diagnostic) => diagnostic.file === lesson.file));
}

export { hasErrors };
