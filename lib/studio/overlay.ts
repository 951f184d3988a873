// How studio rows change a course's lesson list, as a pure function: the catalog (what students see) and the
// studio's own list (everything, hidden lessons too) both use it, so they can never disagree about order.
import type { LessonSummary } from "@/lib/content/types";

/** A StudioLesson row with the summary of its published revision, if any. */
export type StudioLessonRow = {
  lessonSlug: string;
  title: string;
  position: number;
  published: boolean;
  fromFile: boolean;
  publishedRevisionId: string | null;
  /** The published revision's syllabus entry; null when nothing was published from the studio. */
  summary: LessonSummary | null;
};

export type OverlaidLesson = LessonSummary & {
  position: number;
  /** Students may see it (and it has something to show). */
  visible: boolean;
  published: boolean;
  fromFile: boolean;
  /** A studio revision replaces the content/ file. */
  editedInStudio: boolean;
  /** The studio's published revision id, or null when the file (or nothing) is served. */
  revisionId: string | null;
  hasContent: boolean;
};

function placeholder(row: StudioLessonRow): LessonSummary {
  return { slug: row.lessonSlug, title: row.title, summary: "", estimatedMinutes: 0, objectives: [], quizIds: [], contentHash: "" };
}

/** Every lesson of a course, file and studio, in studio order (file order where the studio has not reordered). */
export function overlayLessons(fileLessons: readonly LessonSummary[], rows: readonly StudioLessonRow[]): OverlaidLesson[] {
  const bySlug = new Map(rows.map((row) => [row.lessonSlug, row]));
  const lessons: OverlaidLesson[] = fileLessons.map((file, index) => {
    const row = bySlug.get(file.slug);
    if (!row) return { ...file, position: index, visible: true, published: true, fromFile: true, editedInStudio: false, revisionId: null, hasContent: true };
    const base = row.summary ?? file;
    return { ...base, slug: file.slug, title: row.title, position: row.position, visible: row.published, published: row.published, fromFile: true, editedInStudio: row.summary !== null, revisionId: row.summary ? row.publishedRevisionId : null, hasContent: true };
  });
  const fileSlugs = new Set(fileLessons.map((lesson) => lesson.slug));
  for (const row of rows) {
    if (fileSlugs.has(row.lessonSlug)) continue;
    const hasContent = row.summary !== null;
    lessons.push({
      ...(row.summary ?? placeholder(row)),
      slug: row.lessonSlug,
      title: row.title,
      position: row.position,
      visible: row.published && hasContent,
      published: row.published,
      fromFile: row.fromFile,
      editedInStudio: hasContent,
      revisionId: hasContent ? row.publishedRevisionId : null,
      hasContent,
    });
  }
  return lessons.sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
}

/** What students see: visible lessons only, as plain syllabus entries. */
export function visibleLessons(lessons: readonly OverlaidLesson[]): LessonSummary[] {
  return lessons
    .filter((lesson) => lesson.visible)
    .map(({ slug, title, summary, estimatedMinutes, objectives, quizIds, contentHash }) => ({ slug, title, summary, estimatedMinutes, objectives, quizIds, contentHash }));
}
