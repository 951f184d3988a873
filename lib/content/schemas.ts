// The zod contracts for course.json and lesson frontmatter, exactly as docs/authoring.md describes them.
import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The glossary's page slug, /courses/<course>/glossary (glossary.ts); no lesson, file or studio, may take it. */
export const GLOSSARY_SLUG = "glossary";

const slugSchema = z.string().regex(SLUG_PATTERN, "must be lowercase words joined by hyphens, e.g. goodhart-and-specification-gaming");
const text = z.string().trim().min(1, "must not be empty");

/** A quoted identifier: YAML would read an unquoted arXiv id such as 2203.02150 as the number 2203.0215. */
const quotedIdentifier = (field: string) =>
  z.string({ error: (issue) => (typeof issue.input === "number" ? `${field} must be quoted, e.g. ${field}: "${issue.input}"` : `${field} must be text`) }).trim().min(1);

const referenceSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_:.-]*$/, "must be a citation key such as christiano2017"),
    authors: text,
    year: z.number().int().min(1000).max(2100),
    title: text,
    venue: text,
    arxiv: quotedIdentifier("arxiv").optional(),
    doi: quotedIdentifier("doi").optional(),
    url: z.url().optional(),
  })
  .refine((reference) => Boolean(reference.arxiv || reference.doi || reference.url), {
    message: "needs at least one of arxiv, doi or url so a reader can check it",
  });

export const lessonFrontmatterSchema = z
  .strictObject({
    title: text,
    slug: slugSchema,
    summary: text,
    estimatedMinutes: z.number().int().positive(),
    objectives: z.array(text).min(1, "list at least one objective"),
    references: z.array(referenceSchema).default([]),
  })
  .superRefine((frontmatter, context) => {
    const seen = new Set<string>();
    frontmatter.references.forEach((reference, index) => {
      if (seen.has(reference.id)) {
        context.addIssue({ code: "custom", path: ["references", index, "id"], message: `duplicate reference id "${reference.id}"` });
      }
      seen.add(reference.id);
    });
  });

export const courseManifestSchema = z.strictObject({
  slug: slugSchema,
  title: text,
  summary: text,
  audience: text,
  prerequisites: z.array(text),
  /** No longer used: a course's time is the sum of its lessons' (lib/course/duration.ts). Accepted with a warning. */
  estimatedMinutes: z.number().int().positive().optional(),
  lessons: z.array(slugSchema).min(1, "list at least one lesson"),
});

export type Reference = z.infer<typeof referenceSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type CourseManifest = z.infer<typeof courseManifestSchema>;
