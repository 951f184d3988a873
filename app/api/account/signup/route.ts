import { SIGN_UP_ACCEPTED, signUp } from "@/lib/auth/sign-up";
import { signUpSchema } from "@/lib/auth/schemas";
import { jsonRoute } from "@/lib/http/route";
import { clientAddressOf } from "@/lib/server/client-address";

// 202 whether or not the email already had an account: the answer must not tell them apart.
export const POST = jsonRoute({
  access: "public",
  body: signUpSchema,
  maxBytes: 4 * 1024,
  async handler({ body, request }) {
    await signUp(body, clientAddressOf(request.headers));
    return Response.json({ message: SIGN_UP_ACCEPTED }, { status: 202 });
  },
});
