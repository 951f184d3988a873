import "server-only";
// The app's one view of the course content: compiled files from content/, read through the compiled store.
// Pages and routes ask here; none of them touch .content/ or the MDX compiler themselves.
import { listCompiledCourses, readCompiledCourse, readCompiledLesson } from "@/lib/content/compiled-store";
import type { CompiledCourse, CompiledLesson, LessonSummary } from "@/lib/content/types";
import { HttpError } from "@/lib/http/route";

export type LessonNeighbours = { previous: LessonSummary | null; next: LessonSummary | null; position: number; total: number };

export const listCourses = (): Promise<CompiledCourse[]> => listCompiledCourses();
export const getCourse = (courseSlug: string): Promise<CompiledCourse | null> => readCompiledCourse(courseSlug);
export const getLesson = (courseSlug: string, lessonSlug: string): Promise<CompiledLesson | null> =>
  readCompiledLesson(courseSlug, lessonSlug);

export async function lessonExists(courseSlug: string, lessonSlug: string): Promise<boolean> {
  const course = await getCourse(courseSlug);
  return Boolean(course?.lessons.some((lesson) => lesson.slug === lessonSlug));
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
