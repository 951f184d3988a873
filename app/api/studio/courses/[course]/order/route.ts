import { jsonRoute } from "@/lib/http/route";
import { orderBody } from "@/lib/studio/schemas";
import { reorderLessons } from "@/lib/studio/studio-writes";

export const PUT = jsonRoute<"instructor", typeof orderBody, { course: string }>({
  access: "instructor",
  body: orderBody,
  maxBytes: 64 * 1024,
  handler: ({ body, params }) => reorderLessons(params.course, body.slugs),
});
