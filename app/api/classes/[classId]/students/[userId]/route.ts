import { setMemberStatus } from "@/lib/classes/class-store";
import { memberStatusSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// PATCH /api/classes/<id>/students/<userId>: { status: "removed" | "active" }. Removal keeps every attempt.
export const PATCH = jsonRoute<"instructor", typeof memberStatusSchema, { classId: string; userId: string }>({
  access: "instructor",
  body: memberStatusSchema,
  maxBytes: 1024,
  handler: ({ user, body, params }) => setMemberStatus(user, params.classId, params.userId, body.status),
});
