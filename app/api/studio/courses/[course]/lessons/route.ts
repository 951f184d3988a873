import { jsonRoute } from "@/lib/http/route";
import { createLessonBody } from "@/lib/studio/schemas";
import { createLesson } from "@/lib/studio/studio-writes";

export const POST = jsonRoute<"instructor", typeof createLessonBody, { course: string }>({
  access: "instructor",
  body: createLessonBody,
  maxBytes: 4096,
  handler: async ({ user, body, params }) => Response.json(await createLesson(user, params.course, body), { status: 201 }),
});
