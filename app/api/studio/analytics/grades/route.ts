import { jsonRoute } from "@/lib/http/route";
import { HttpError } from "@/lib/http/http-error";
import { SLUG_PATTERN } from "@/lib/content/schemas";
import { learnersHiddenFrom } from "@/lib/classes/visibility";
import { gradesCsv } from "@/lib/studio/analytics";

export const dynamic = "force-dynamic";

// GET /api/studio/analytics/grades?course=<slug>: the course gradebook as CSV.
export const GET = jsonRoute({
  access: "instructor",
  async handler({ request, user }) {
    const course = new URL(request.url).searchParams.get("course") ?? "";
    if (!SLUG_PATTERN.test(course)) throw new HttpError(400, "Name a course: ?course=<slug>.", { course: "required" });
    // Another instructor's class students are not this instructor's to see (lib/classes/visibility.ts).
    return new Response(await gradesCsv(course, { except: await learnersHiddenFrom(user) }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${course}-grades.csv"`,
        "cache-control": "no-store",
      },
    });
  },
});
