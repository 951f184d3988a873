// Checks that span lessons: quiz ids unique across all courses, item ids unique within a course, and internal
// links that resolve. Attempts, drafts and the quiz API are keyed by quiz id alone, so a quiz id reused in
// another course would share them.
import path from "node:path";
import type { CourseLayout } from "./course-layout";
import { createDiagnostic, type ContentDiagnostic } from "./diagnostics";
import { glossaryAnchors, GLOSSARY_SLUG } from "./glossary";
import { checkLessonLinks, type LinkTargets } from "./links";
import type { LessonFacts, PlacedId } from "./types";

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative.split(path.sep).join("/");
}

/** Duplicates inside one lesson are reported while it compiles; this adds those across lessons. */
function crossLessonDuplicates(kind: string, lessons: readonly LessonFacts[], pick: (facts: LessonFacts) => PlacedId[]): ContentDiagnostic[] {
  const first = new Map<string, { file: string; at: PlacedId }>();
  const diagnostics: ContentDiagnostic[] = [];
  for (const facts of lessons) {
    for (const placed of pick(facts)) {
      const earlier = first.get(placed.id);
      if (!earlier) first.set(placed.id, { file: facts.file, at: placed });
      else if (earlier.file !== facts.file) {
        diagnostics.push(createDiagnostic(facts.file, placed, `${kind} id "${placed.id}" is already used in ${displayPath(earlier.file)}:${earlier.at.line}:${earlier.at.column}; ids must be unique within the course`));
      }
    }
  }
  return diagnostics;
}

/**
 * The quiz-id rule in one wording, for content:check and the studio's registry (lib/attempts/quiz-id-registry.ts)
 * alike: attempts are keyed by quiz id alone, so one id means one quiz across every course file and studio lesson.
 */
export function quizIdTakenMessage(quizId: string, usedIn: string): string {
  return `quiz id "${quizId}" is already used in ${usedIn}; quiz ids must be unique across all courses and the studio`;
}

/** Quiz ids across every course given: each duplicate names the other place, with its file:line:col. */
export function checkQuizIdsAcrossCourses(lessons: readonly LessonFacts[]): ContentDiagnostic[] {
  const first = new Map<string, { file: string; at: PlacedId }>();
  const diagnostics: ContentDiagnostic[] = [];
  for (const facts of lessons) {
    for (const placed of facts.quizIds) {
      const earlier = first.get(placed.id);
      if (!earlier) first.set(placed.id, { file: facts.file, at: placed });
      else if (earlier.file !== facts.file) {
        diagnostics.push(createDiagnostic(facts.file, placed, quizIdTakenMessage(placed.id, `${displayPath(earlier.file)}:${earlier.at.line}:${earlier.at.column}`)));
      }
    }
  }
  return diagnostics;
}

/** The checks within one course. Quiz ids are checked across courses by checkQuizIdsAcrossCourses. */
export function checkCourseFacts(lessons: readonly LessonFacts[], targets: LinkTargets): ContentDiagnostic[] {
  return [
    ...crossLessonDuplicates("quiz item", lessons, (facts) => facts.itemIds),
    ...lessons.flatMap((facts) => checkLessonLinks(facts, targets)),
  ];
}

/**
 * What one course offers links: its lessons (with their heading ids when analysed, else null: not checked)
 * and, when the course has a glossary, the glossary page with one anchor per entry id.
 */
export type CoursePages = {
  courseSlug: string;
  lessons: ReadonlyArray<{ slug: string; anchors: readonly string[] | null }>;
  glossaryEntryIds: readonly string[] | null;
};

/** The one rule for link targets: content:check, content:build and the studio's publish check all use it. */
export function linkTargetsOf(courses: readonly CoursePages[]): LinkTargets {
  const targets: LinkTargets = new Map();
  for (const course of courses) {
    const pages = new Map<string, ReadonlySet<string> | null>(course.lessons.map((lesson) => [lesson.slug, lesson.anchors ? new Set(lesson.anchors) : null]));
    if (course.glossaryEntryIds) pages.set(GLOSSARY_SLUG, new Set(course.glossaryEntryIds));
    targets.set(course.courseSlug, pages);
  }
  return targets;
}

/** Every lesson a link may name, and the glossary page; anchors are known only for lessons that were analysed. */
export function buildLinkTargets(layouts: readonly CourseLayout[], facts: readonly LessonFacts[]): LinkTargets {
  const anchorsByFile = new Map(facts.map((lesson) => [lesson.file, lesson.anchors]));
  return linkTargetsOf(
    layouts.map((layout) => ({
      courseSlug: layout.manifest.manifest?.slug ?? layout.courseSlug,
      lessons: layout.lessonFiles.map((lesson) => ({ slug: lesson.slug, anchors: anchorsByFile.get(lesson.file) ?? null })),
      glossaryEntryIds: layout.glossary?.glossary ? [...glossaryAnchors(layout.glossary.glossary)] : null,
    })),
  );
}
