import { removeCoInstructor } from "@/lib/classes/class-store";
import { jsonRoute } from "@/lib/http/route";

// DELETE /api/classes/<id>/instructors/<userId>: a co-instructor stops teaching the class.
export const DELETE = jsonRoute<"instructor", undefined, { classId: string; userId: string }>({
  access: "instructor",
  handler: ({ user, params }) => removeCoInstructor(user, params.classId, params.userId),
});
