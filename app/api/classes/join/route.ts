import { clientAddressOf } from "@/lib/server/client-address";
import { joinClass } from "@/lib/classes/join";
import { joinClassSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// POST /api/classes/join: { code }. Idempotent; 404 unknown code, 409 closed class, 429 too many bad codes.
export const POST = jsonRoute({
  access: "student",
  body: joinClassSchema,
  maxBytes: 1024,
  async handler({ user, body, request }) {
    const joined = await joinClass(user, body.code, clientAddressOf(request.headers));
    return { classId: joined.id, name: joined.name, alreadyMember: joined.alreadyMember };
  },
});
