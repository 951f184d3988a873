// Request payloads for progress, shared by the route handlers and the client that stores progress locally.
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "must be a lesson or course slug");
const section = z.string().max(200).nullable();

export const visitSchema = z.object({ courseSlug: slug, lessonSlug: slug, section: section.default(null) });
export const completeSchema = z.object({ courseSlug: slug, lessonSlug: slug, complete: z.boolean() });
const localProgressEntrySchema = z.object({
  courseSlug: slug,
  lessonSlug: slug,
  completed: z.boolean(),
  lastVisitedAt: z.iso.datetime(),
  lastSection: section,
});
export const mergeSchema = z.object({ entries: z.array(localProgressEntrySchema).max(500) });
