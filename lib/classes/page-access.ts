import "server-only";
// The class pages' gate: the instructor role (sign-in when signed out), then the class itself; a class the
// caller does not teach renders the 403 page, one that does not exist (for an admin) the 404 page.
import type { SessionUser } from "@/lib/auth/accounts";
import { requirePageUser } from "@/lib/auth/session";
import { HttpError } from "@/lib/http/http-error";
import { forbidden, notFound } from "next/navigation";
import { requireTaughtClass, type TaughtClass } from "./access";

export async function requireTaughtClassPage(classId: string, path: string): Promise<{ user: SessionUser; taught: TaughtClass }> {
  const user = await requirePageUser("instructor", path);
  try {
    return { user, taught: await requireTaughtClass(user, classId) };
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) forbidden();
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
}
