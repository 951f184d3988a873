import "server-only";
// A lesson as an .mdx file, to commit back to content/.
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/http-error";
import { currentDraft, publishedSource, studioCourseLessons } from "./studio-data";

export async function lessonDownload(courseSlug: string, lessonSlug: string, from: "draft" | "published"): Promise<string> {
  const lessons = await studioCourseLessons(courseSlug);
  if (!lessons?.some((lesson) => lesson.slug === lessonSlug)) throw new HttpError(404, "No such lesson.");
  const row = await db().studioLesson.findUnique({ where: { courseSlug_lessonSlug: { courseSlug, lessonSlug } }, select: { id: true, publishedRevisionId: true } });
  if (from === "draft" && row) {
    const draft = await currentDraft(row.id);
    if (draft) return draft.source;
  }
  const text = await publishedSource(row, courseSlug, lessonSlug);
  if (text === null) throw new HttpError(404, "This lesson has no text yet.");
  return text;
}
