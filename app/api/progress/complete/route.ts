import { requireLesson } from "@/lib/course/catalog";
import { jsonRoute } from "@/lib/http/route";
import { setLessonComplete } from "@/lib/progress/progress";
import { completeSchema } from "@/lib/progress/schemas";

export const POST = jsonRoute({
  access: "student",
  body: completeSchema,
  maxBytes: 2048,
  async handler({ user, body }) {
    await requireLesson(body.courseSlug, body.lessonSlug);
    await setLessonComplete(user.id, body.courseSlug, body.lessonSlug, body.complete);
    return { ok: true, complete: body.complete };
  },
});
