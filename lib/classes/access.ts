import "server-only";
// Loads a class for someone who wants to teach it, or refuses. Everything under /studio/classes/<id> and
// /api/classes/<id> comes through here after the instructor role check. A caller who teaches no such class
// gets 403 whether or not it exists (no probing for class ids); only an admin learns that one is missing.
import type { SessionUser } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/http-error";
import { canManage, canTeach, classRole, type ClassRole } from "./permissions";

export type ClassRecord = {
  id: string;
  name: string;
  courseSlug: string;
  timeZone: string;
  startsOn: string | null;
  endsOn: string | null;
  joinCode: string;
  joinEnabled: boolean;
  archivedAt: Date | null;
  createdAt: Date;
};

export type TaughtClass = {
  record: ClassRecord;
  role: ClassRole;
  instructors: Array<{ userId: string; role: string; name: string; email: string }>;
};

const NOT_YOURS = "You do not teach this class.";

/** The class and the caller's role in it; HttpError 403 (not theirs) or 404 (an admin asked for no class). */
export async function requireTaughtClass(user: SessionUser, classId: string): Promise<TaughtClass> {
  const found =
    classId.length <= 64
      ? await db().class.findUnique({
          where: { id: classId },
          include: { instructors: { include: { user: { select: { name: true, email: true } } }, orderBy: { addedAt: "asc" } } },
        })
      : null;
  const role = classRole(user, found?.instructors ?? []);
  if (!canTeach(role)) throw new HttpError(403, NOT_YOURS);
  if (!found) throw new HttpError(404, "No such class.");
  const { instructors, updatedAt: _updatedAt, createdById: _createdById, ...record } = found;
  return {
    record,
    role,
    instructors: instructors.map((row) => ({ userId: row.userId, role: row.role, name: row.user.name, email: row.user.email })),
  };
}

export function requireManager(taught: TaughtClass, what: string): void {
  if (!canManage(taught.role)) throw new HttpError(403, `Only the class's owner or an admin can ${what}.`);
}

/** Archived classes are read-only: what they showed stays as it was. */
export function requireOpen(taught: TaughtClass): void {
  if (taught.record.archivedAt) throw new HttpError(409, "This class is archived. Restore it to change it.");
}
