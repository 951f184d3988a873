// The request bodies of the studio routes: parsed by the route handlers, and typed for the browser code.
import { z } from "zod";

/** Lessons are long, but not this long; the JSON body limit of the studio routes follows from it. */
const MAX_SOURCE_CHARS = 200_000;
export const STUDIO_BODY_BYTES = 4 * MAX_SOURCE_CHARS;

const source = z.string().max(MAX_SOURCE_CHARS, `A lesson may be at most ${MAX_SOURCE_CHARS} characters.`);
const base = { baseRevisionId: z.string().min(1).max(64).nullable(), draftVersion: z.number().int().min(1).nullable() };

export const previewBody = z.object({ courseSlug: z.string().min(1).max(100), lessonSlug: z.string().min(1).max(100), source });
export const draftBody = z.object({ source, ...base });
export const publishBody = z.object({ source, ...base, message: z.string().trim().max(200).optional() });
export const restoreBody = z.object(base);
export const createLessonBody = z.object({ slug: z.string().trim().min(1).max(80), title: z.string().trim().min(1, "Give the lesson a title.").max(200) });
export const updateLessonBody = z
  .object({
    title: z.string().trim().min(1, "A title cannot be empty.").max(200).optional(),
    published: z.boolean().optional(),
    /** Stop serving the studio revision of a file lesson; students get the content/ file again. History is kept. */
    serveFile: z.literal(true).optional(),
  })
  .refine((body) => body.title !== undefined || body.published !== undefined || body.serveFile !== undefined, "Send a title, published or serveFile.");
export const orderBody = z.object({ slugs: z.array(z.string().min(1).max(100)).min(1).max(500) });

