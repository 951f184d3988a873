import "server-only";
// Which definition (with its key) applies: the current published version of a quiz, the one a submission or a
// draft must match, and any stored version, for grading history. Published means what students can open: a
// lesson file, or the studio revision that replaces it, in a lesson that is not hidden.
import { LRUCache } from "lru-cache";
import { readQuizDefinitions } from "@/lib/content/compiled-store";
import { db } from "@/lib/db/client";
import { quizDefinitionSchema, readStoredJson, storedQuizzesSchema } from "@/lib/db/stored-json";
import type { QuizDefinition } from "@/lib/quiz/types";
import { quizVersionId, syncQuizVersions } from "./quiz-versions";

// A quiz version and a lesson revision are immutable (ids are content hashes or row ids), so parsed copies
// are kept per process: grading a submission then costs no JSON.parse. Size-bounded, so a long-running server
// that sees many studio revisions does not grow without limit.
const versions = new LRUCache<string, QuizDefinition>({ max: 512 });
const revisionQuizzes = new LRUCache<string, QuizDefinition[]>({ max: 128 });

/** A stored version of a quiz (any, current or not), e.g. the one an earlier attempt was graded against. */
export async function findQuizDefinition(quizId: string, version: string): Promise<QuizDefinition | null> {
  const id = quizVersionId({ id: quizId, version });
  const known = versions.get(id);
  if (known) return known;
  const stored = await db().quizVersion.findUnique({ where: { id } });
  if (stored) {
    // A malformed row is logged and treated as a version we do not have (never graded against, never a 500).
    const definition = readStoredJson(quizDefinitionSchema, stored.definition, `QuizVersion ${id} (definition)`);
    if (definition) versions.set(id, definition);
    return definition;
  }
  // Compiled after the last seed (e.g. a content edit under `npm run dev`): store it now, then use it.
  const compiled = (await readQuizDefinitions()).find((definition) => definition.id === quizId && definition.version === version);
  if (!compiled) return null;
  await syncQuizVersions(db(), [compiled]);
  versions.set(id, compiled);
  return compiled;
}

async function quizzesOfRevision(revisionId: string): Promise<QuizDefinition[]> {
  const known = revisionQuizzes.get(revisionId);
  if (known) return known;
  const revision = await db().lessonRevision.findUnique({ where: { id: revisionId }, select: { compiled: true } });
  // A malformed revision is logged and has no quizzes: its quizzes answer "not found", nothing is graded against it.
  const quizzes = (revision ? readStoredJson(storedQuizzesSchema, revision.compiled, `LessonRevision ${revisionId} (compiled)`)?.quizzes : null) ?? [];
  revisionQuizzes.set(revisionId, quizzes);
  return quizzes;
}

/**
 * The version of a quiz students can see right now, or null when there is none (unknown id, a hidden lesson,
 * a quiz removed from its lesson). Only this version is accepted for submissions and drafts.
 */
export async function currentQuizDefinition(quizId: string): Promise<QuizDefinition | null> {
  const fromFile = (await readQuizDefinitions()).find((definition) => definition.id === quizId) ?? null;
  const location = fromFile
    ? { courseSlug: fromFile.courseSlug, lessonSlug: fromFile.lessonSlug }
    : await db().quizVersion.findFirst({ where: { quizId }, orderBy: { createdAt: "desc" }, select: { courseSlug: true, lessonSlug: true } });
  if (!location) return null;
  const row = await db().studioLesson.findUnique({
    where: { courseSlug_lessonSlug: location },
    select: { published: true, publishedRevisionId: true, fromFile: true },
  });
  if (!row) return fromFile;
  if (!row.published) return null;
  if (row.publishedRevisionId) return (await quizzesOfRevision(row.publishedRevisionId)).find((quiz) => quiz.id === quizId) ?? null;
  return row.fromFile ? fromFile : null;
}

/** The current definition, stored as a QuizVersion row (attempts point at it), or null when there is none. */
export async function currentStoredQuizDefinition(quizId: string): Promise<QuizDefinition | null> {
  const current = await currentQuizDefinition(quizId);
  if (!current) return null;
  const id = quizVersionId(current);
  if (!versions.has(id)) {
    await syncQuizVersions(db(), [current]);
    versions.set(id, current);
  }
  return current;
}
