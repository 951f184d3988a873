import { clientAddress } from "@/lib/classes/join-throttle";
import { joinClass } from "@/lib/classes/join.server";
import { joinClassSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// POST /api/classes/join: { code }. Idempotent; 404 unknown code, 409 closed class, 429 too many bad codes.
export const POST = jsonRoute({
  access: "student",
  body: joinClassSchema,
  maxBytes: 1024,
  async handler({ user, body, request }) {
    const joined = await joinClass(user, body.code, clientAddress(request.headers.get("x-forwarded-for")));
    return { classId: joined.id, name: joined.name, alreadyMember: joined.alreadyMember };
  },
});
