import "server-only";
// The app's one view of the course content: compiled files from content/, read through the compiled store,
// with the studio on top (a published studio revision replaces a file lesson, studio-created lessons join
// the course, unpublished lessons are hidden). Pages and routes ask here; none of them touch .content/,
// the studio tables or the MDX compiler themselves.
import { listCompiledCourses, readCompiledCourse, readCompiledGlossary, readCompiledLesson } from "@/lib/content/compiled-store";
import type { CompiledGlossary } from "@/lib/content/glossary-compile";
import type { CompiledCourse, CompiledLesson, LessonSummary } from "@/lib/content/types";
import { HttpError } from "@/lib/http/http-error";
import { overlayLessons, visibleLessons } from "@/lib/studio/overlay";
import { publishedStudioLesson, studioRows } from "@/lib/studio/studio-data";

export type LessonNeighbours = { previous: LessonSummary | null; next: LessonSummary | null; position: number; total: number };

/**
 * `next build` prerenders pages and may run before a database exists (a bare `npm run build`); then the
 * file content is all there is. At run time a database error is a real error and is not hidden.
 */
async function duringBuildOr<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (process.env.NEXT_PHASE === "phase-production-build") return fallback;
    throw error;
  }
}

async function withStudio(course: CompiledCourse): Promise<CompiledCourse> {
  const rows = await duringBuildOr(() => studioRows(course.manifest.slug), []);
  return rows.length === 0 ? course : { ...course, lessons: visibleLessons(overlayLessons(course.lessons, rows)) };
}

export async function listCourses(): Promise<CompiledCourse[]> {
  return Promise.all((await listCompiledCourses()).map(withStudio));
}

export async function getCourse(courseSlug: string): Promise<CompiledCourse | null> {
  const course = await readCompiledCourse(courseSlug);
  return course ? withStudio(course) : null;
}

export async function getLesson(courseSlug: string, lessonSlug: string): Promise<CompiledLesson | null> {
  const studio = await duringBuildOr(() => publishedStudioLesson(courseSlug, lessonSlug), { row: false, lesson: null });
  return studio.row ? studio.lesson : readCompiledLesson(courseSlug, lessonSlug);
}

/** The course's glossary and notation page, from content/courses/<course>/glossary.yaml; null when it has none. */
export async function getGlossary(courseSlug: string): Promise<CompiledGlossary | null> {
  return readCompiledGlossary(courseSlug);
}

async function lessonExists(courseSlug: string, lessonSlug: string): Promise<boolean> {
  const course = await getCourse(courseSlug);
  return Boolean(course?.lessons.some((lesson) => lesson.slug === lessonSlug));
}

/** The entries whose lesson exists, reading each course once (not once per entry). */
export async function keepExistingLessons<T extends { courseSlug: string; lessonSlug: string }>(entries: readonly T[]): Promise<T[]> {
  const courseSlugs = [...new Set(entries.map((entry) => entry.courseSlug))];
  const courses = await Promise.all(courseSlugs.map(getCourse));
  const known = new Set(courses.flatMap((course) => course?.lessons.map((lesson) => `${course.manifest.slug}/${lesson.slug}`) ?? []));
  return entries.filter((entry) => known.has(`${entry.courseSlug}/${entry.lessonSlug}`));
}

/** For route handlers: 404 unless the lesson exists, so progress never records made-up lessons. */
export async function requireLesson(courseSlug: string, lessonSlug: string): Promise<void> {
  if (!(await lessonExists(courseSlug, lessonSlug))) throw new HttpError(404, "No such lesson.", { lessonSlug: "unknown" });
}

export function neighbours(course: CompiledCourse, lessonSlug: string): LessonNeighbours {
  const index = course.lessons.findIndex((lesson) => lesson.slug === lessonSlug);
  return {
    previous: index > 0 ? course.lessons[index - 1]! : null,
    next: index >= 0 && index < course.lessons.length - 1 ? course.lessons[index + 1]! : null,
    position: index + 1,
    total: course.lessons.length,
  };
}
