import { changeJoinCode } from "@/lib/classes/class-store";
import { joinCodeActionSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// POST /api/classes/<id>/join-code: { action: "regenerate" | "disable" | "enable" }.
export const POST = jsonRoute<"instructor", typeof joinCodeActionSchema, { classId: string }>({
  access: "instructor",
  body: joinCodeActionSchema,
  maxBytes: 1024,
  handler: ({ user, body, params }) => changeJoinCode(user, params.classId, body.action),
});
