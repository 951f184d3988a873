import { currentSessionId } from "@/lib/auth/session";
import { endUserSessions } from "@/lib/auth/session-store";
import { jsonRoute } from "@/lib/http/route";
import { expiredSessionCookies } from "@/lib/http/session-cookies";

// "Sign out everywhere": ends every session of the account, this one included, and clears its cookie.
// With ?keep=current, "sign out of other devices": this session stays.
export const DELETE = jsonRoute({
  access: "student",
  async handler({ user, request }) {
    const keepCurrent = new URL(request.url).searchParams.get("keep") === "current";
    const except = keepCurrent ? ((await currentSessionId()) ?? undefined) : undefined;
    const ended = await endUserSessions(user.id, { except });
    const headers = new Headers();
    if (!keepCurrent) for (const cookie of expiredSessionCookies(request)) headers.append("set-cookie", cookie);
    return Response.json({ ended }, { headers });
  },
});
