import { createAccount, EmailTakenError } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";
import { HttpError, jsonRoute } from "@/lib/http/route";

export const POST = jsonRoute({
  access: "public",
  body: signUpSchema,
  maxBytes: 4 * 1024,
  async handler({ body }) {
    try {
      const user = await createAccount(body);
      return Response.json({ id: user.id, name: user.name, email: user.email }, { status: 201 });
    } catch (error) {
      if (error instanceof EmailTakenError) throw new HttpError(409, error.message, { email: error.message });
      throw error;
    }
  },
});
