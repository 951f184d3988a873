import { addCoInstructor } from "@/lib/classes/class-store";
import { addInstructorSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// POST /api/classes/<id>/instructors: { email } of an instructor's account, added as a co-instructor.
export const POST = jsonRoute<"instructor", typeof addInstructorSchema, { classId: string }>({
  access: "instructor",
  body: addInstructorSchema,
  maxBytes: 1024,
  handler: ({ user, body, params }) => addCoInstructor(user, params.classId, body.email),
});
