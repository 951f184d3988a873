import { requireLesson } from "@/lib/course/catalog";
import { jsonRoute } from "@/lib/http/route";
import { recordVisit } from "@/lib/progress/progress";
import { visitSchema } from "@/lib/progress/schemas";

export const POST = jsonRoute({
  access: "student",
  body: visitSchema,
  maxBytes: 2048,
  async handler({ user, body }) {
    await requireLesson(body.courseSlug, body.lessonSlug);
    await recordVisit(user.id, body.courseSlug, body.lessonSlug, body.section);
    return { ok: true };
  },
});
