import { setDueDates } from "@/lib/classes/class-store";
import { dueDatesSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// PUT /api/classes/<id>/due-dates: { dueDates: [{ lessonSlug, dueAt: "YYYY-MM-DDTHH:mm" | null }] } in the class's time zone.
export const PUT = jsonRoute<"instructor", typeof dueDatesSchema, { classId: string }>({
  access: "instructor",
  body: dueDatesSchema,
  maxBytes: 32 * 1024,
  handler: ({ user, body, params }) => setDueDates(user, params.classId, body),
});
