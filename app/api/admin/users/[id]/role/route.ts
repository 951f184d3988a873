import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { changeRole } from "@/lib/auth/user-admin";
import { jsonRoute } from "@/lib/http/route";

export const PATCH = jsonRoute<"admin", z.ZodObject<{ role: typeof roleSchema }>, { id: string }>({
  access: "admin",
  body: z.object({ role: roleSchema }),
  maxBytes: 1024,
  handler: ({ body, params }) => changeRole({ id: params.id }, body.role),
});
