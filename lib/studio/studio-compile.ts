import "server-only";
// Compiles text from the browser: the safe-MDX gate first (nothing unsafe ever reaches esbuild), then the
// same compile and validation as a lesson file. Publishing adds the cross-lesson checks of content:check.
import { analyzeLesson, lessonFacts } from "@/lib/content/analyze-lesson";
import { compileLessonSource } from "@/lib/content/compile-lesson";
import { checkCourseFacts, checkQuizIdsAcrossCourses, linkTargetsOf, type CoursePages } from "@/lib/content/course-checks";
import { createDiagnostic, hasErrors, sortDiagnostics, type ContentDiagnostic } from "@/lib/content/diagnostics";
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

/** Where the lesson's links may point besides its own course's lessons: its course's glossary, other courses. */
export type LinkContext = { glossaryEntryIds: readonly string[] | null; otherCourses: readonly CoursePages[] };

/**
 * The checks that span lessons (quiz and item ids unique in the course, internal links resolve) for one
 * lesson against the rest of its course, with content:check's link rule (linkTargetsOf). Returns only the
 * problems in that lesson.
 */
export function checkAgainstCourse(lesson: LessonFacts, others: readonly LessonFacts[], context: LinkContext): ContentDiagnostic[] {
  const facts = [...others.filter((other) => other.slug !== lesson.slug), lesson];
  const thisCourse: CoursePages = { courseSlug: lesson.courseSlug, lessons: facts.map((fact) => ({ slug: fact.slug, anchors: fact.anchors })), glossaryEntryIds: context.glossaryEntryIds };
  const targets = linkTargetsOf([...context.otherCourses.filter((course) => course.courseSlug !== lesson.courseSlug), thisCourse]);
  // Put this lesson last so a duplicate id is reported in it, not in the lesson that had it first.
  const problems = [...checkCourseFacts(facts, targets), ...checkQuizIdsAcrossCourses(facts)];
  return sortDiagnostics(problems.filter((diagnostic) => diagnostic.file === lesson.file));
}

export { hasErrors };
