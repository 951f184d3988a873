import { z } from "zod";
import { dueDatesForCourse } from "@/lib/classes/student-view";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { HttpError, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const query = z.object({ course: z.string().max(100).regex(SLUG_PATTERN) });

// GET /api/classes/due-dates?course=<slug>: the caller's classes in that course and their due dates, for
// lesson pages and the syllabus (which are prerendered, so they ask from the browser).
export const GET = jsonRoute({
  access: "student",
  async handler({ user, request }) {
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new HttpError(400, "Name a course: ?course=<slug>.", { course: "invalid" });
    return dueDatesForCourse(user, parsed.data.course);
  },
});
