import "server-only";
// Listing users and changing roles: shared by the admin page's route handler and the CLI.
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/http-error";
import type { Role } from "./roles";

export async function listUsers() {
  return db().user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}

/** Changes a role and ends the user's sessions; refuses to demote the last admin, so the site always keeps one. */
export async function changeRole(where: { id: string } | { email: string }, role: Role) {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: "id" in where ? { id: where.id } : { email: where.email.toLowerCase() } });
    if (!user) throw new HttpError(404, "No such user.");
    if (user.role === "admin" && role !== "admin") {
      const admins = await tx.user.count({ where: { role: "admin" } });
      if (admins <= 1) throw new HttpError(409, "This is the last admin; make someone else admin first.", { role: "last admin" });
    }
    const updated = await tx.user.update({ where: { id: user.id }, data: { role }, select: { id: true, email: true, role: true } });
    // A role change ends the user's sessions: nothing signed in under the old role lives on (a page
    // already open, a copied cookie). They sign in again and get the new role from the start.
    if (user.role !== role) await tx.session.deleteMany({ where: { userId: user.id } });
    return updated;
  });
}
