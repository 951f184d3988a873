import { jsonRoute } from "@/lib/http/route";
import { previewLesson } from "@/lib/studio/preview";
import { previewBody, STUDIO_BODY_BYTES } from "@/lib/studio/schemas";

export const dynamic = "force-dynamic";

export const POST = jsonRoute({
  access: "instructor",
  body: previewBody,
  maxBytes: STUDIO_BODY_BYTES,
  async handler({ body }) {
    const result = await previewLesson(body.source, body.courseSlug, body.lessonSlug);
    return Response.json(result, { status: result.ok ? 200 : 422 });
  },
});
