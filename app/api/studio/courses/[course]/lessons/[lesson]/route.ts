import { jsonRoute } from "@/lib/http/route";
import { updateLessonBody } from "@/lib/studio/schemas";
import { updateLesson } from "@/lib/studio/studio-writes";

export const PATCH = jsonRoute<"instructor", typeof updateLessonBody, { course: string; lesson: string }>({
  access: "instructor",
  body: updateLessonBody,
  maxBytes: 4096,
  handler: ({ user, body, params }) => updateLesson(user, params.course, params.lesson, body),
});
