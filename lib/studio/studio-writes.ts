import "server-only";
// Every studio mutation. Callers (route handlers) have already checked the role and parsed the body.
// Conflicts are decided by revision-rules.ts and enforced again by the database (conditional updates and
// unique revision numbers), so a race ends in a 409, never in someone's text being overwritten.
import { revalidatePath } from "next/cache";
import type { SessionUser } from "@/lib/auth/accounts";
import { quizIdConflicts } from "@/lib/attempts/quiz-id-registry";
import { syncQuizVersions } from "@/lib/attempts/quiz-versions";
import { signalContentChanged } from "@/lib/course/content-signal";
import { listCompiledCourses, readCompiledGlossary } from "@/lib/content/compiled-store";
import { hasErrors, type ContentDiagnostic } from "@/lib/content/diagnostics";
import type { LessonSummary } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { readStoredJson, storedFactsSchema } from "@/lib/db/stored-json";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { HttpError } from "@/lib/http/http-error";
import { checkLessonOrder, checkNewLessonSlug, decideWrite, newLessonSource, withFrontmatterTitle, type EditorBase } from "./revision-rules";
import { studioCompilePool } from "./studio-compile-pool";
import type { OtherLesson, PublishOutcome } from "./compile-tasks";
import type { LinkContext } from "./studio-compile";
import { choiceIdSalt } from "./studio-labels";
import { currentDraft, ensureStudioLesson, headRevision, readFileLessonSource, studioCourseLessons, type StoredCompilation } from "./studio-data";

const STALE_DRAFT = "Someone else saved this draft a moment ago. Your text was not saved over theirs; it is still in your editor. Reload to see their text.";

async function revalidateLesson(courseSlug: string, lessonSlug: string) {
  await signalContentChanged();
  revalidatePath(`/courses/${courseSlug}/${lessonSlug}`);
  revalidatePath(`/courses/${courseSlug}`);
  revalidatePath("/");
}

async function decide(lessonId: string, base: EditorBase) {
  const [head, draft] = await Promise.all([headRevision(lessonId), currentDraft(lessonId)]);
  const decision = decideWrite(
    { revisionId: head?.id ?? null, revisionNumber: head?.number ?? 0 },
    draft ? { version: draft.version, updatedByName: draft.updatedBy.name, updatedAt: draft.updatedAt } : null,
    base,
  );
  if (!decision.ok) throw new HttpError(409, decision.message, { conflict: decision.reason });
  return { head, draft, decision };
}

export type SavedDraft = { draftVersion: number; savedAt: string; baseRevisionId: string | null };

export async function saveDraft(user: SessionUser, courseSlug: string, lessonSlug: string, input: EditorBase & { source: string }): Promise<SavedDraft> {
  const row = await ensureStudioLesson(courseSlug, lessonSlug);
  const { head, draft, decision } = await decide(row.id, input);
  const data = { source: input.source, version: decision.nextDraftVersion, updatedById: user.id, baseRevisionId: head?.id ?? null };
  if (draft) {
    const { count } = await db().lessonDraft.updateMany({ where: { lessonId: row.id, version: draft.version }, data });
    if (count === 0) throw new HttpError(409, STALE_DRAFT, { conflict: "stale-draft" });
  } else {
    try {
      await db().lessonDraft.create({ data: { ...data, lessonId: row.id } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, STALE_DRAFT, { conflict: "stale-draft" });
      throw error;
    }
  }
  return { draftVersion: decision.nextDraftVersion, savedAt: new Date().toISOString(), baseRevisionId: head?.id ?? null };
}

/** The other lessons, for the cross-lesson checks: a published revision's stored facts, else the file's text
 * (analysed in the compile worker, not here). */
async function otherLessons(courseSlug: string, except: string): Promise<OtherLesson[]> {
  const lessons = (await studioCourseLessons(courseSlug)) ?? [];
  const others: OtherLesson[] = [];
  for (const lesson of lessons) {
    if (lesson.slug === except) continue;
    if (lesson.revisionId) {
      const revision = await db().lessonRevision.findUnique({ where: { id: lesson.revisionId }, select: { compiled: true } });
      // A malformed revision is logged; the lesson's file (if any) stands in for its facts.
      const stored = revision ? readStoredJson(storedFactsSchema, revision.compiled, `LessonRevision ${lesson.revisionId} (compiled)`) : null;
      if (stored) {
        others.push({ slug: lesson.slug, facts: stored.facts });
        continue;
      }
    }
    const source = await readFileLessonSource(courseSlug, lesson.slug);
    if (source) others.push({ slug: lesson.slug, source });
  }
  return others;
}

/** Link targets outside the course's lessons, from what content:build wrote: the glossary pages' entry ids
 * and the other courses' lessons (content:check's rule, applied in the worker by checkAgainstCourse). */
async function linkContext(courseSlug: string): Promise<LinkContext> {
  const glossaryEntryIds = async (slug: string) => (await readCompiledGlossary(slug))?.entries.map((entry) => entry.id) ?? null;
  const others = (await listCompiledCourses()).filter((course) => course.manifest.slug !== courseSlug);
  const otherCourses = await Promise.all(
    others.map(async (course) => ({
      courseSlug: course.manifest.slug,
      lessons: course.lessons.map((lesson) => ({ slug: lesson.slug, anchors: null })),
      glossaryEntryIds: await glossaryEntryIds(course.manifest.slug),
    })),
  );
  return { glossaryEntryIds: await glossaryEntryIds(courseSlug), otherCourses };
}

export type PublishResult =
  | { ok: true; revisionId: string; number: number; diagnostics: ContentDiagnostic[] }
  | { ok: false; diagnostics: ContentDiagnostic[] };

export async function publishLesson(
  user: SessionUser,
  courseSlug: string,
  lessonSlug: string,
  input: EditorBase & { source: string; message?: string },
): Promise<PublishResult> {
  const row = await ensureStudioLesson(courseSlug, lessonSlug);
  const { draft, decision } = await decide(row.id, input);
  // Compiled, bundled and checked against the course in the worker pool, off the main thread.
  const outcome = (await studioCompilePool().run({ kind: "publish", source: input.source, courseSlug, lessonSlug, salt: choiceIdSalt(), others: await otherLessons(courseSlug, lessonSlug), links: await linkContext(courseSlug) })) as PublishOutcome;
  if (!outcome.ok) return { ok: false, diagnostics: outcome.diagnostics };
  const { compiled } = outcome;
  // Quiz ids used anywhere else (files, or any version ever stored) need the database: checked here, not in the worker.
  const conflicts = await quizIdConflicts(compiled.facts);
  const diagnostics = [...outcome.diagnostics, ...conflicts];
  if (hasErrors(conflicts)) return { ok: false, diagnostics };

  // Stored before the revision, so an attempt can always find the version it was graded against.
  await syncQuizVersions(db(), compiled.quizzes);
  const { title, summary, estimatedMinutes, objectives } = compiled.lesson.frontmatter;
  const lessonSummary: LessonSummary = { slug: lessonSlug, title, summary, estimatedMinutes, objectives, quizIds: Object.keys(compiled.lesson.publicQuizzes), contentHash: compiled.lesson.contentHash };
  const stored: StoredCompilation = compiled;
  let revisionId: string;
  try {
    revisionId = await db().$transaction(async (tx) => {
      if (draft) {
        const { count } = await tx.lessonDraft.deleteMany({ where: { lessonId: row.id, version: draft.version } });
        if (count === 0) throw new HttpError(409, STALE_DRAFT, { conflict: "stale-draft" });
      }
      const revision = await tx.lessonRevision.create({
        data: { lessonId: row.id, number: decision.nextRevisionNumber, source: input.source, compiled: JSON.stringify(stored), summary: JSON.stringify(lessonSummary), authorId: user.id, message: input.message ?? null },
      });
      await tx.studioLesson.update({ where: { id: row.id }, data: { publishedRevisionId: revision.id, title, published: true } });
      return revision.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, "Someone else published this lesson a moment ago. Your text was not published; it is still in your editor. Reload to see theirs.", { conflict: "stale-base" });
    throw error;
  }
  await revalidateLesson(courseSlug, lessonSlug);
  return { ok: true, revisionId, number: decision.nextRevisionNumber, diagnostics };
}

/** An old revision's text becomes the draft (a new version); nothing published changes until the next publish. */
export async function restoreRevision(user: SessionUser, courseSlug: string, lessonSlug: string, revisionId: string, base: EditorBase) {
  const row = await ensureStudioLesson(courseSlug, lessonSlug);
  const revision = await db().lessonRevision.findFirst({ where: { id: revisionId, lessonId: row.id }, select: { source: true, number: true } });
  if (!revision) throw new HttpError(404, "No such revision of this lesson.");
  const saved = await saveDraft(user, courseSlug, lessonSlug, { ...base, source: revision.source });
  return { ...saved, source: revision.source, restoredNumber: revision.number };
}

export async function createLesson(user: SessionUser, courseSlug: string, input: { slug: string; title: string }) {
  const lessons = await studioCourseLessons(courseSlug);
  if (!lessons) throw new HttpError(404, "No such course.");
  const problem = checkNewLessonSlug(input.slug, lessons.map((lesson) => lesson.slug));
  if (problem) throw new HttpError(400, problem, { slug: problem });
  const position = Math.max(-1, ...lessons.map((lesson) => lesson.position)) + 1;
  try {
    const row = await db().studioLesson.create({ data: { courseSlug, lessonSlug: input.slug, title: input.title, position, published: false, fromFile: false } });
    await db().lessonDraft.create({ data: { lessonId: row.id, source: newLessonSource(input.title, input.slug), version: 1, updatedById: user.id } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, `This course already has a lesson "${input.slug}".`, { slug: "taken" });
    throw error;
  }
  return { courseSlug, lessonSlug: input.slug };
}

export async function updateLesson(user: SessionUser, courseSlug: string, lessonSlug: string, input: { title?: string; published?: boolean; serveFile?: true }) {
  const row = await ensureStudioLesson(courseSlug, lessonSlug);
  if (input.serveFile && !row.fromFile) throw new HttpError(409, "This lesson was created in the studio; it has no file to go back to.");
  if (input.published && !row.fromFile && !row.publishedRevisionId) {
    throw new HttpError(409, "This lesson has never been published. Open it in the editor and publish a revision first.");
  }
  if (input.title !== undefined) await renameInDraft(user, row.id, courseSlug, lessonSlug, input.title);
  await db().studioLesson.update({
    where: { id: row.id },
    data: { title: input.title, published: input.published, ...(input.serveFile ? { publishedRevisionId: null } : {}) },
  });
  await revalidateLesson(courseSlug, lessonSlug);
}

/**
 * The new title goes into the draft's frontmatter too (a new draft version, so an editor open on the old one
 * gets a 409 rather than silently undoing the rename), and the next publish keeps it.
 */
async function renameInDraft(user: SessionUser, lessonId: string, courseSlug: string, lessonSlug: string, title: string) {
  const [head, draft] = await Promise.all([headRevision(lessonId), currentDraft(lessonId)]);
  if (draft) {
    const { count } = await db().lessonDraft.updateMany({
      where: { lessonId, version: draft.version },
      data: { source: withFrontmatterTitle(draft.source, title), version: draft.version + 1, updatedById: user.id },
    });
    if (count === 0) throw new HttpError(409, STALE_DRAFT, { conflict: "stale-draft" });
    return;
  }
  const source = head?.source ?? (await readFileLessonSource(courseSlug, lessonSlug));
  if (source === null) return;
  try {
    await db().lessonDraft.create({ data: { lessonId, source: withFrontmatterTitle(source, title), version: 1, updatedById: user.id, baseRevisionId: head?.id ?? null } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, STALE_DRAFT, { conflict: "stale-draft" });
    throw error;
  }
}

export async function reorderLessons(courseSlug: string, slugs: readonly string[]) {
  const lessons = await studioCourseLessons(courseSlug);
  if (!lessons) throw new HttpError(404, "No such course.");
  const problem = checkLessonOrder(lessons.map((lesson) => lesson.slug), slugs);
  if (problem) throw new HttpError(400, problem, { slugs: problem });
  const rows = [];
  for (const slug of slugs) rows.push(await ensureStudioLesson(courseSlug, slug));
  await db().$transaction(rows.map((row, position) => db().studioLesson.update({ where: { id: row.id }, data: { position } })));
  await signalContentChanged();
  for (const slug of slugs) revalidatePath(`/courses/${courseSlug}/${slug}`);
  revalidatePath(`/courses/${courseSlug}`);
  revalidatePath("/");
}
