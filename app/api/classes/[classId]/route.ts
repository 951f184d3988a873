import { updateClass } from "@/lib/classes/class-store";
import { updateClassSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// PATCH /api/classes/<id>: name, time zone, start and end dates; { archived } archives or restores it.
export const PATCH = jsonRoute<"instructor", typeof updateClassSchema, { classId: string }>({
  access: "instructor",
  body: updateClassSchema,
  maxBytes: 4096,
  handler: ({ user, body, params }) => updateClass(user, params.classId, body),
});
