import { jsonRoute } from "@/lib/http/route";
import { restoreBody } from "@/lib/studio/schemas";
import { restoreRevision } from "@/lib/studio/studio-writes";

export const POST = jsonRoute<"instructor", typeof restoreBody, { course: string; lesson: string; revision: string }>({
  access: "instructor",
  body: restoreBody,
  maxBytes: 1024,
  handler: ({ user, body, params }) => restoreRevision(user, params.course, params.lesson, params.revision, body),
});
