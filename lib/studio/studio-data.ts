import "server-only";
// Reads for the studio and the catalog: studio rows with their published summaries, the text a lesson
// currently has (draft, newest revision or content/ file), and the editor's starting state.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listCompiledCourses, readCompiledCourse, readCompiledLesson } from "@/lib/content/compiled-store";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import type { CompiledLesson } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { lessonSummarySchema, readStoredJson, storedCompilationSchema, type StoredCompilation } from "@/lib/db/stored-json";
import { HttpError } from "@/lib/http/http-error";
import { overlayLessons, type OverlaidLesson, type StudioLessonRow } from "./overlay";

/** What a revision's `compiled` column holds (lib/db/stored-json.ts). Server only: the quizzes carry the key. */
export type { StoredCompilation };

const COURSES_DIR = path.join(process.cwd(), "content", "courses");

function fileLessonPath(courseSlug: string, lessonSlug: string): string {
  if (!SLUG_PATTERN.test(courseSlug) || !SLUG_PATTERN.test(lessonSlug)) throw new HttpError(404, "No such lesson.");
  return path.join(COURSES_DIR, courseSlug, `${lessonSlug}.mdx`);
}

export async function readFileLessonSource(courseSlug: string, lessonSlug: string): Promise<string | null> {
  try {
    return await readFile(fileLessonPath(courseSlug, lessonSlug), "utf8");
  } catch {
    return null;
  }
}

/** Studio rows of a course, each with its published revision's summary (one query for rows, one for summaries). */
export async function studioRows(courseSlug: string): Promise<Array<StudioLessonRow & { id: string }>> {
  const rows = await db().studioLesson.findMany({ where: { courseSlug } });
  const revisionIds = rows.flatMap((row) => (row.publishedRevisionId ? [row.publishedRevisionId] : []));
  const summaries = revisionIds.length
    ? await db().lessonRevision.findMany({ where: { id: { in: revisionIds } }, select: { id: true, summary: true } })
    : [];
  // A malformed summary is logged and shown as none; the lesson itself is read separately.
  const summaryOf = new Map(summaries.map((revision) => [revision.id, readStoredJson(lessonSummarySchema, revision.summary, `LessonRevision ${revision.id} (summary)`)]));
  return rows.map((row) => ({
    id: row.id,
    lessonSlug: row.lessonSlug,
    title: row.title,
    position: row.position,
    published: row.published,
    fromFile: row.fromFile,
    publishedRevisionId: row.publishedRevisionId,
    summary: row.publishedRevisionId ? (summaryOf.get(row.publishedRevisionId) ?? null) : null,
  }));
}

/** Every lesson of a course as the studio sees it, hidden ones too. Null when the course does not exist. */
export async function studioCourseLessons(courseSlug: string): Promise<OverlaidLesson[] | null> {
  const course = await readCompiledCourse(courseSlug);
  if (!course) return null;
  return overlayLessons(course.lessons, await studioRows(courseSlug));
}

/** The compiled lesson students get: the published studio revision when there is one, else the file. */
export async function publishedStudioLesson(courseSlug: string, lessonSlug: string): Promise<{ row: boolean; lesson: CompiledLesson | null }> {
  const row = await db().studioLesson.findUnique({ where: { courseSlug_lessonSlug: { courseSlug, lessonSlug } } });
  if (!row) return { row: false, lesson: null };
  if (!row.published) return { row: true, lesson: null };
  if (row.publishedRevisionId) {
    const revision = await db().lessonRevision.findUnique({ where: { id: row.publishedRevisionId }, select: { compiled: true } });
    if (revision) {
      // A malformed published revision is logged and the lesson is missing (404), never the older file in its place.
      const stored = readStoredJson(storedCompilationSchema, revision.compiled, `LessonRevision ${row.publishedRevisionId} (compiled)`);
      if (!stored) return { row: true, lesson: null };
      const { lesson } = stored;
      return { row: true, lesson: { ...lesson, frontmatter: { ...lesson.frontmatter, title: row.title } } };
    }
  }
  const file = row.fromFile ? await readCompiledLesson(courseSlug, lessonSlug) : null;
  return { row: true, lesson: file ? { ...file, frontmatter: { ...file.frontmatter, title: row.title } } : null };
}

/** The row for a lesson, created on first use for a lesson that so far exists only as a file. */
export async function ensureStudioLesson(courseSlug: string, lessonSlug: string) {
  const existing = await db().studioLesson.findUnique({ where: { courseSlug_lessonSlug: { courseSlug, lessonSlug } } });
  if (existing) return existing;
  const course = await readCompiledCourse(courseSlug);
  const index = course?.lessons.findIndex((lesson) => lesson.slug === lessonSlug) ?? -1;
  if (!course || index < 0) throw new HttpError(404, "No such lesson.");
  const file = course.lessons[index]!;
  return db().studioLesson.upsert({
    where: { courseSlug_lessonSlug: { courseSlug, lessonSlug } },
    update: {},
    create: { courseSlug, lessonSlug, title: file.title, position: index, published: true, fromFile: true },
  });
}

export async function headRevision(lessonId: string) {
  return db().lessonRevision.findFirst({ where: { lessonId }, orderBy: { number: "desc" }, select: { id: true, number: true, source: true } });
}

export async function currentDraft(lessonId: string) {
  return db().lessonDraft.findUnique({ where: { lessonId }, include: { updatedBy: { select: { name: true } } } });
}

/** The text students are served now: the published revision, else the content/ file, else the newest revision. */
export async function publishedSource(row: { publishedRevisionId: string | null; id: string } | null, courseSlug: string, lessonSlug: string): Promise<string | null> {
  if (row?.publishedRevisionId) {
    const revision = await db().lessonRevision.findUnique({ where: { id: row.publishedRevisionId }, select: { source: true } });
    if (revision) return revision.source;
  }
  const file = await readFileLessonSource(courseSlug, lessonSlug);
  if (file !== null) return file;
  return row ? ((await headRevision(row.id))?.source ?? null) : null;
}

type RevisionListing = { id: string; number: number; authorName: string; message: string | null; createdAt: string; source: string };

export type EditorState = {
  courseSlug: string;
  lessonSlug: string;
  title: string;
  published: boolean;
  fromFile: boolean;
  /** The text to edit: the draft if there is one, else what students see. */
  source: string;
  publishedSource: string;
  baseRevisionId: string | null;
  headNumber: number;
  servingFile: boolean;
  draftVersion: number | null;
  draftSavedAt: string | null;
  draftSavedBy: string | null;
  revisions: RevisionListing[];
};

export async function loadEditorState(courseSlug: string, lessonSlug: string): Promise<EditorState | null> {
  const lessons = await studioCourseLessons(courseSlug);
  const listed = lessons?.find((lesson) => lesson.slug === lessonSlug);
  if (!listed) return null;
  const row = await db().studioLesson.findUnique({ where: { courseSlug_lessonSlug: { courseSlug, lessonSlug } } });
  const [draft, revisions] = row
    ? await Promise.all([currentDraft(row.id), db().lessonRevision.findMany({ where: { lessonId: row.id }, orderBy: { number: "desc" }, include: { author: { select: { name: true } } } })])
    : [null, []];
  const head = revisions[0] ?? null;
  const served = revisions.find((revision) => revision.id === row?.publishedRevisionId);
  const published = served?.source ?? (await readFileLessonSource(courseSlug, lessonSlug)) ?? head?.source ?? "";
  return {
    courseSlug,
    lessonSlug,
    title: listed.title,
    published: listed.published,
    fromFile: listed.fromFile,
    source: draft?.source ?? published,
    publishedSource: published,
    baseRevisionId: head?.id ?? null,
    headNumber: head?.number ?? 0,
    servingFile: listed.fromFile && !served,
    draftVersion: draft?.version ?? null,
    draftSavedAt: draft?.updatedAt.toISOString() ?? null,
    draftSavedBy: draft?.updatedBy.name ?? null,
    revisions: revisions.map((revision) => ({
      id: revision.id,
      number: revision.number,
      authorName: revision.author.name,
      message: revision.message,
      createdAt: revision.createdAt.toISOString(),
      source: revision.source,
    })),
  };
}

export type StudioCourse = { slug: string; title: string; lessons: OverlaidLesson[] };

/** Every course with all its lessons (hidden and draft-only ones too), for the studio's front page. */
export async function studioOverview(): Promise<StudioCourse[]> {
  const courses = await listCompiledCourses();
  return Promise.all(
    courses.map(async (course) => ({ slug: course.manifest.slug, title: course.manifest.title, lessons: overlayLessons(course.lessons, await studioRows(course.manifest.slug)) })),
  );
}
