// Stored JSON, read back: the JSON columns (QuizAttempt.itemScores, QuizDraft.responses, LessonRevision.compiled
// and .summary, QuizVersion.definition) and the files content:build writes to .content/. Every read goes
// through a zod schema here instead of a cast, so a malformed row or file is one logged error naming it, and
// the caller decides the safe fallback (skip the row, treat the lesson as missing), never a crash three calls
// later. Plain data and zod only: the build, the server and the seed script all use it.
import { z } from "zod";
import { lessonFrontmatterSchema, courseManifestSchema } from "../content/schemas";
import { ISLANDS, type BodySegment } from "../content/lesson-body";
import type { CompiledGlossary } from "../content/glossary-compile";
import type { CompiledCourse, CompiledLesson, LessonFacts, LessonSummary } from "../content/types";
import type { GradedItem } from "../quiz/grade";
import { quizDefinitionSchema } from "../quiz/stored-definition";
import type { PublicQuiz, QuizDefinition, QuizResponses } from "../quiz/types";

const itemKind = z.enum(["single", "multiple", "truefalse", "numeric"]);

export const gradedItemsSchema: z.ZodType<GradedItem[]> = z.array(
  z.object({
    itemId: z.string(),
    kind: itemKind,
    selectedChoiceIds: z.array(z.string()),
    response: z.string().optional(),
    score: z.number().min(0).max(1),
    maxScore: z.literal(1),
    correct: z.boolean(),
    answered: z.boolean(),
  }),
);

export const quizResponsesSchema: z.ZodType<QuizResponses> = z.record(z.string(), z.array(z.string()));

export { quizDefinitionSchema };
export const quizDefinitionsSchema: z.ZodType<QuizDefinition[]> = z.array(quizDefinitionSchema);

const publicQuizSchema: z.ZodType<PublicQuiz> = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  policy: z.object({
    maxAttempts: z.number().int().positive().nullable(),
    showAnswers: z.enum(["after-submit", "after-last-attempt", "after-correct", "never"]),
    grading: z.enum(["highest", "last", "first", "average"]),
    shuffle: z.boolean(),
    passMark: z.number().min(0).max(1),
  }),
  items: z.array(
    z.object({ id: z.string(), kind: itemKind, promptHtml: z.string(), choices: z.array(z.object({ id: z.string(), labelHtml: z.string() })), units: z.string().optional() }),
  ),
});

const bodySegmentSchema: z.ZodType<BodySegment> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal("html"), html: z.string() }),
    z.object({ kind: z.literal("island"), component: z.enum(ISLANDS), props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) }),
    z.object({ kind: z.literal("element"), tagName: z.string(), attributes: z.record(z.string(), z.string()), children: z.array(bodySegmentSchema) }),
  ]),
);

export const compiledLessonSchema: z.ZodType<CompiledLesson> = z.object({
  courseSlug: z.string(),
  slug: z.string(),
  contentHash: z.string(),
  frontmatter: lessonFrontmatterSchema,
  code: z.string(),
  body: z.array(bodySegmentSchema).optional(),
  toc: z.array(z.object({ depth: z.union([z.literal(2), z.literal(3)]), id: z.string(), text: z.string(), kind: z.literal("quiz").optional() })),
  citations: z.array(z.string()),
  publicQuizzes: z.record(z.string(), publicQuizSchema),
  // Revisions stored before search was per section have none: their lesson still renders.
  searchSections: z.array(z.object({ id: z.string().nullable(), heading: z.string().nullable(), text: z.string() })).default([]),
});

export const lessonSummarySchema: z.ZodType<LessonSummary> = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  estimatedMinutes: z.number(),
  objectives: z.array(z.string()),
  quizIds: z.array(z.string()),
  contentHash: z.string(),
});

export const compiledCourseSchema: z.ZodType<CompiledCourse> = z.object({ manifest: courseManifestSchema, lessons: z.array(lessonSummarySchema) });

export const compiledGlossarySchema: z.ZodType<CompiledGlossary> = z.object({
  courseSlug: z.string(),
  title: z.string(),
  summary: z.string(),
  entries: z.array(
    z.object({
      id: z.string(),
      term: z.string(),
      symbolHtml: z.string().nullable(),
      definitionHtml: z.string().nullable(),
      senses: z.array(z.object({ lesson: z.string(), section: z.string().nullable(), meaningHtml: z.string() })),
      see: z.array(z.string()),
      searchText: z.string(),
    }),
  ),
});

const placed = { line: z.number(), column: z.number() };
const lessonFactsSchema: z.ZodType<LessonFacts> = z.object({
  file: z.string(),
  courseSlug: z.string(),
  slug: z.string(),
  anchors: z.array(z.string()),
  links: z.array(z.object({ ...placed, href: z.string() })),
  quizIds: z.array(z.object({ ...placed, id: z.string() })),
  itemIds: z.array(z.object({ ...placed, id: z.string() })),
});

/** What a LessonRevision's `compiled` column holds. The quizzes carry the answer key: server only. */
export const storedCompilationSchema = z.object({ lesson: compiledLessonSchema, quizzes: quizDefinitionsSchema, facts: lessonFactsSchema });
export type StoredCompilation = z.infer<typeof storedCompilationSchema>;
/** Only the quizzes of a `compiled` column, for grading: the lesson is not parsed. */
export const storedQuizzesSchema = z.object({ quizzes: quizDefinitionsSchema });
/** Only the facts of a `compiled` column, for the cross-lesson checks of a publish. */
export const storedFactsSchema = z.object({ facts: lessonFactsSchema });

/** An entry of the on-disk compile cache (lib/content/compile-cache.ts). */
export const compileCacheEntrySchema = z.object({
  key: z.string(),
  value: z.object({
    lesson: compiledLessonSchema,
    quizzes: quizDefinitionsSchema,
    facts: lessonFactsSchema,
    diagnostics: z.array(z.object({ file: z.string(), line: z.number(), column: z.number(), severity: z.enum(["error", "warning"]), message: z.string() })),
  }),
});

export type StoredJsonResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Parses stored JSON text under a schema; the problem names the first bad path. Never throws. */
export function parseStoredJson<T>(schema: z.ZodType<T>, text: string): StoredJsonResult<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
}

/**
 * The value, or null after one logged error that says which row or file (`where`) is malformed and how.
 * The caller's fallback for null is the safe one for its data (skip the row, treat the lesson as missing).
 */
export function readStoredJson<T>(schema: z.ZodType<T>, text: string, where: string): T | null {
  const result = parseStoredJson(schema, text);
  if (result.ok) return result.value;
  console.error(`malformed stored JSON in ${where}: ${result.problem}`);
  return null;
}
