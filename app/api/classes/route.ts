import { createClass } from "@/lib/classes/class-store";
import { createClassSchema } from "@/lib/classes/schemas";
import { jsonRoute } from "@/lib/http/route";

// POST /api/classes: an instructor creates a class and becomes its owner.
export const POST = jsonRoute({
  access: "instructor",
  body: createClassSchema,
  maxBytes: 4096,
  handler: async ({ user, body }) => Response.json(await createClass(user, body), { status: 201 }),
});
