import "server-only";
// Writes to classes, each checked against the caller's role in the class (access.ts). Nothing is
// deleted: removing a student sets removedAt, archiving sets archivedAt, and attempts are never touched.
import type { SessionUser } from "@/lib/auth/accounts";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { hasRole } from "@/lib/auth/roles";
import { getCourse } from "@/lib/course/catalog";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/http-error";
import { requireManager, requireOpen, requireTaughtClass } from "./access";
import { instantToZonedLocal } from "./date-format";
import { zonedLocalToInstant } from "./dates";
import { generateJoinCode } from "./join-code";
import type { CreateClassInput, DueDatesInput, UpdateClassInput } from "./schemas";

/** A fresh code; on the (2^-40-rare) collision with another class's code, draw again. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export async function createClass(user: SessionUser, input: CreateClassInput): Promise<{ id: string; joinCode: string }> {
  if (!(await getCourse(input.courseSlug))) throw new HttpError(400, "Some fields are invalid.", { courseSlug: "No such course." });
  return withFreshCode((joinCode) =>
    db().$transaction(async (tx) => {
      const created = await tx.class.create({
        data: { name: input.name, courseSlug: input.courseSlug, timeZone: input.timeZone, startsOn: input.startsOn, endsOn: input.endsOn, joinCode, createdById: user.id },
        select: { id: true, joinCode: true },
      });
      await tx.classInstructor.create({ data: { classId: created.id, userId: user.id, role: "owner" } });
      return created;
    }),
  );
}

export type ClassListEntry = {
  id: string;
  name: string;
  courseSlug: string;
  startsOn: string | null;
  endsOn: string | null;
  timeZone: string;
  archivedAt: Date | null;
  students: number;
  instructors: string[];
};

/** The classes an instructor owns or co-teaches; every class for an admin. Archived ones last. */
export async function listTaughtClasses(user: SessionUser): Promise<ClassListEntry[]> {
  const rows = await db().class.findMany({
    where: hasRole(user.role, "admin") ? {} : { instructors: { some: { userId: user.id } } },
    include: {
      instructors: { include: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
      _count: { select: { members: { where: { removedAt: null } } } },
    },
    orderBy: [{ createdAt: "desc" }],
  });
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      courseSlug: row.courseSlug,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      timeZone: row.timeZone,
      archivedAt: row.archivedAt,
      students: row._count.members,
      instructors: row.instructors.map((instructor) => instructor.user.name),
    }))
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
}

export async function updateClass(user: SessionUser, classId: string, input: UpdateClassInput): Promise<void> {
  const taught = await requireTaughtClass(user, classId);
  const { archived, ...settings } = input;
  if (archived !== undefined) requireManager(taught, archived ? "archive it" : "restore it");
  if (Object.keys(settings).length > 0 && !(archived === false)) requireOpen(taught);
  const startsOn = settings.startsOn === undefined ? taught.record.startsOn : settings.startsOn;
  const endsOn = settings.endsOn === undefined ? taught.record.endsOn : settings.endsOn;
  if (startsOn && endsOn && startsOn > endsOn) throw new HttpError(400, "Some fields are invalid.", { endsOn: "The class cannot end before it starts." });
  await db().class.update({
    where: { id: classId },
    data: {
      ...settings,
      ...(archived === undefined ? {} : { archivedAt: archived ? (taught.record.archivedAt ?? new Date()) : null }),
    },
  });
}

/** Sets or clears lesson due dates, given as wall-clock times in the class's time zone. */
export async function setDueDates(user: SessionUser, classId: string, input: DueDatesInput): Promise<void> {
  const taught = await requireTaughtClass(user, classId);
  requireOpen(taught);
  const course = await getCourse(taught.record.courseSlug);
  const lessons = new Set(course?.lessons.map((lesson) => lesson.slug) ?? []);
  const fields: Record<string, string> = {};
  const changes = input.dueDates.map((entry, index) => {
    if (!lessons.has(entry.lessonSlug)) fields[`dueDates.${index}.lessonSlug`] = "This lesson is not in the class's course.";
    const dueAt = entry.dueAt === null ? null : zonedLocalToInstant(entry.dueAt, taught.record.timeZone);
    if (entry.dueAt !== null && !dueAt) fields[`dueDates.${index}.dueAt`] = "Enter a real date and time.";
    return { lessonSlug: entry.lessonSlug, dueAt };
  });
  if (Object.keys(fields).length > 0) throw new HttpError(400, "Some fields are invalid.", fields);
  await db().$transaction(async (tx) => {
    const cleared = changes.filter((change) => change.dueAt === null).map((change) => change.lessonSlug);
    if (cleared.length > 0) await tx.classDueDate.deleteMany({ where: { classId, lessonSlug: { in: cleared } } });
    for (const change of changes) {
      if (!change.dueAt) continue;
      await tx.classDueDate.upsert({
        where: { classId_lessonSlug: { classId, lessonSlug: change.lessonSlug } },
        update: { dueAt: change.dueAt },
        create: { classId, lessonSlug: change.lessonSlug, dueAt: change.dueAt },
      });
    }
  });
}

/** The class's due dates as the settings form shows them: wall-clock times in its zone, by lesson. */
export async function dueDateInputs(record: { id: string; timeZone: string }): Promise<Map<string, string>> {
  const rows = await db().classDueDate.findMany({ where: { classId: record.id } });
  return new Map(rows.map((row) => [row.lessonSlug, instantToZonedLocal(row.dueAt, record.timeZone)]));
}

export async function changeJoinCode(user: SessionUser, classId: string, action: "regenerate" | "disable" | "enable"): Promise<{ joinCode: string; joinEnabled: boolean }> {
  const taught = await requireTaughtClass(user, classId);
  requireOpen(taught);
  const select = { joinCode: true, joinEnabled: true } as const;
  if (action === "regenerate") return withFreshCode((joinCode) => db().class.update({ where: { id: classId }, data: { joinCode, joinEnabled: true }, select }));
  return db().class.update({ where: { id: classId }, data: { joinEnabled: action === "enable" }, select });
}

export async function addCoInstructor(user: SessionUser, classId: string, email: string): Promise<{ userId: string; name: string }> {
  const taught = await requireTaughtClass(user, classId);
  requireManager(taught, "add co-instructors");
  requireOpen(taught);
  const found = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true, role: true } });
  if (!found) throw new HttpError(404, "No account uses this email.", { email: "No account uses this email. Ask them to sign up first." });
  if (!hasRole(found.role, "instructor")) {
    throw new HttpError(409, "Only instructors can co-teach.", { email: `${email} has a student account. An admin can make it an instructor's at /admin/users.` });
  }
  await db().classInstructor.upsert({
    where: { classId_userId: { classId, userId: found.id } },
    update: {},
    create: { classId, userId: found.id, role: "co-instructor" },
  });
  return { userId: found.id, name: found.name };
}

export async function removeCoInstructor(user: SessionUser, classId: string, instructorId: string): Promise<void> {
  const taught = await requireTaughtClass(user, classId);
  requireManager(taught, "remove co-instructors");
  requireOpen(taught);
  const row = taught.instructors.find((instructor) => instructor.userId === instructorId);
  if (!row) throw new HttpError(404, "This person does not teach the class.");
  if (row.role === "owner") throw new HttpError(409, "The class's owner cannot be removed.");
  await db().classInstructor.delete({ where: { classId_userId: { classId, userId: instructorId } } });
}

/** Removes a student from the roster (their attempts and progress stay), or brings them back. */
export async function setMemberStatus(user: SessionUser, classId: string, studentId: string, status: "removed" | "active"): Promise<void> {
  const taught = await requireTaughtClass(user, classId);
  requireOpen(taught);
  const member = studentId.length <= 64 ? await db().classMember.findUnique({ where: { classId_userId: { classId, userId: studentId } } }) : null;
  if (!member) throw new HttpError(404, "This student is not in the class.");
  if ((status === "removed") === (member.removedAt !== null)) return;
  await db().classMember.update({
    where: { classId_userId: { classId, userId: studentId } },
    data: { removedAt: status === "removed" ? new Date() : null },
  });
}
