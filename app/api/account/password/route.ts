import { changePassword } from "@/lib/auth/accounts";
import { passwordChangeSchema } from "@/lib/auth/schemas";
import { currentSessionId } from "@/lib/auth/session";
import { endUserSessions } from "@/lib/auth/session-store";
import { jsonRoute } from "@/lib/http/route";

// A new password ends every other session of the account; this one stays signed in.
export const POST = jsonRoute({
  access: "student",
  body: passwordChangeSchema,
  maxBytes: 2 * 1024,
  async handler({ user, body }) {
    await changePassword(user, body);
    const ended = await endUserSessions(user.id, { except: (await currentSessionId()) ?? undefined });
    return { ok: true, endedSessions: ended };
  },
});
