import { z } from "zod";
import { HttpError, jsonRoute } from "@/lib/http/route";
import { courseProgress, resumePoint } from "@/lib/progress/progress";

export const dynamic = "force-dynamic";

const query = z.object({ course: z.string().max(100).optional() });

export const GET = jsonRoute({
  access: "student",
  async handler({ request, user }) {
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new HttpError(400, "Invalid query.", { course: "invalid" });
    const [lessons, resume] = await Promise.all([
      parsed.data.course ? courseProgress(user.id, parsed.data.course) : Promise.resolve([]),
      resumePoint(user.id),
    ]);
    return { lessons, resume };
  },
});
