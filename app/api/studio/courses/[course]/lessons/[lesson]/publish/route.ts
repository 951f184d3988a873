import { jsonRoute } from "@/lib/http/route";
import { publishBody, STUDIO_BODY_BYTES } from "@/lib/studio/schemas";
import { publishLesson } from "@/lib/studio/studio-writes";

export const POST = jsonRoute<"instructor", typeof publishBody, { course: string; lesson: string }>({
  access: "instructor",
  body: publishBody,
  maxBytes: STUDIO_BODY_BYTES,
  async handler({ user, body, params }) {
    const result = await publishLesson(user, params.course, params.lesson, body);
    if (!result.ok) return Response.json({ error: "The lesson has errors; nothing was published.", diagnostics: result.diagnostics }, { status: 422 });
    return Response.json(result, { status: 201 });
  },
});
