import "server-only";
// Joining a class with its code. Looking a code up (the /join/<code> page) and joining (the route) share
// one path: both count a code that does not work against the caller's account and address, and both are
// refused once those limits are reached (join-throttle.ts). Joining is idempotent, and joining again after
// an instructor's removal puts the student back (as Moodle's self-enrolment does; regenerate the code to
// stop it). Joining shares the student's progress and grades in the course with the class's instructors,
// which is why it is a button press (a POST) and never a side effect of opening a link.
import type { SessionUser } from "@/lib/auth/accounts";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { getCourse } from "@/lib/course/catalog";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/http-error";
import { normalizeJoinCode } from "./join-code";
import { describeJoinRetry, reserveJoinAttempt } from "./join-throttle";

export type JoinableClass = {
  id: string;
  name: string;
  courseSlug: string;
  courseTitle: string;
  instructors: string[];
  /** The caller is already in the class (and not removed). */
  alreadyMember: boolean;
};

const UNKNOWN = "No class has this code. Check it with your instructor: codes are 8 letters and digits, like 7KQ2-M9XD.";
const DISABLED = "This class is not accepting students with this code any more. Ask your instructor for the current code.";
const ARCHIVED = "This class has ended and no longer accepts students.";

/** The class a code opens for this caller, or HttpError: 429 throttled, 404 unknown, 409 closed or taught. */
export async function findJoinableClass(user: SessionUser, input: string, address: string): Promise<JoinableClass> {
  const reservation = await reserveJoinAttempt(user.id, address);
  if (!reservation.allowed) throw new HttpError(429, describeJoinRetry(reservation.retryAfterMs));
  // A code that did not work keeps its reservation: that is what the limit counts.
  const refuse = (status: number, message: string): never => {
    throw new HttpError(status, message, { code: message });
  };
  const code = normalizeJoinCode(input);
  const found = code
    ? await db().class.findUnique({
        where: { joinCode: code },
        include: {
          instructors: { include: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
          members: { where: { userId: user.id }, select: { removedAt: true } },
        },
      })
    : null;
  if (!found) return refuse(404, UNKNOWN);
  if (found.archivedAt) return refuse(409, ARCHIVED);
  if (!found.joinEnabled) return refuse(409, DISABLED);
  await reservation.release();
  if (found.instructors.some((instructor) => instructor.userId === user.id)) {
    throw new HttpError(409, "You teach this class, so you cannot join it as a student.", { code: "You teach this class." });
  }
  const course = await getCourse(found.courseSlug);
  return {
    id: found.id,
    name: found.name,
    courseSlug: found.courseSlug,
    courseTitle: course?.manifest.title ?? found.courseSlug,
    instructors: found.instructors.map((instructor) => instructor.user.name),
    alreadyMember: found.members.some((member) => member.removedAt === null),
  };
}

export async function joinClass(user: SessionUser, input: string, address: string): Promise<JoinableClass> {
  const joinable = await findJoinableClass(user, input, address);
  if (joinable.alreadyMember) return joinable;
  try {
    await db().classMember.upsert({
      where: { classId_userId: { classId: joinable.id, userId: user.id } },
      update: { removedAt: null },
      create: { classId: joinable.id, userId: user.id },
    });
  } catch (error) {
    // Two joins at once (a double click, two tabs): the primary key kept one row, and that row is a join.
    if (!isUniqueViolation(error)) throw error;
  }
  return joinable;
}
