import { jsonRoute } from "@/lib/http/route";
import { draftBody, STUDIO_BODY_BYTES } from "@/lib/studio/schemas";
import { saveDraft } from "@/lib/studio/studio-writes";

export const PUT = jsonRoute<"instructor", typeof draftBody, { course: string; lesson: string }>({
  access: "instructor",
  body: draftBody,
  maxBytes: STUDIO_BODY_BYTES,
  handler: ({ user, body, params }) => saveDraft(user, params.course, params.lesson, body),
});
