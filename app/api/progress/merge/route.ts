import { keepExistingLessons } from "@/lib/course/catalog";
import { jsonRoute } from "@/lib/http/route";
import { mergeLocalProgress } from "@/lib/progress/progress";
import { mergeSchema } from "@/lib/progress/schemas";

export const POST = jsonRoute({
  access: "student",
  body: mergeSchema,
  maxBytes: 128 * 1024,
  async handler({ user, body }) {
    // Entries for lessons that no longer exist are dropped rather than failing the whole merge.
    const known = await keepExistingLessons(body.entries);
    await mergeLocalProgress(user.id, known);
    return { ok: true, merged: known.length };
  },
});
