import "server-only";
// What a student sees of their classes: only their own standing, never a classmate's. /classes lists each
// class with its due dates and the student's progress and grades; lesson pages and the syllabus ask for
// the due dates of one course (dueDatesForCourse) from the browser, so they stay prerendered.
import type { SessionUser } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import type { ClassGradebook, StudentRow } from "./gradebook";
import { courseShape, loadClassGradebook, type CourseShape } from "./gradebook-data";

export type StudentClass = {
  id: string;
  name: string;
  courseSlug: string;
  courseTitle: string;
  timeZone: string;
  startsOn: string | null;
  endsOn: string | null;
  archived: boolean;
  instructors: string[];
  book: ClassGradebook;
  me: StudentRow;
};

/** The caller's classes (not those they were removed from), current ones first. */
export async function myClasses(user: SessionUser, now = new Date()): Promise<StudentClass[]> {
  const memberships = await db().classMember.findMany({
    where: { userId: user.id, removedAt: null },
    include: { class: { include: { instructors: { include: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } } } } },
    orderBy: { joinedAt: "desc" },
  });
  // A student has a handful of classes; each is loaded for this one student (a few rows).
  const shapes = new Map<string, Promise<CourseShape>>();
  const classes = await Promise.all(
    memberships.map(async ({ class: cls }) => {
      if (!shapes.has(cls.courseSlug)) shapes.set(cls.courseSlug, courseShape(cls.courseSlug));
      const shape = await shapes.get(cls.courseSlug)!;
      const book = await loadClassGradebook(cls, { onlyUserId: user.id, now, shape });
      return {
        id: cls.id,
        name: cls.name,
        courseSlug: cls.courseSlug,
        courseTitle: shape.title,
        timeZone: cls.timeZone,
        startsOn: cls.startsOn,
        endsOn: cls.endsOn,
        archived: cls.archivedAt !== null,
        instructors: cls.instructors.map((instructor) => instructor.user.name),
        book,
        me: book.students[0]!,
      };
    }),
  );
  return classes.filter((cls) => cls.me).sort((a, b) => Number(a.archived) - Number(b.archived));
}

export type CourseDueDates = {
  classes: Array<{ classId: string; className: string; timeZone: string; dueDates: Record<string, string> }>;
  /** Lessons of the course the caller has completed, so the browser can flag what is overdue. */
  completed: string[];
};

/** Due dates in one course from every open class the caller is in: for lesson pages and the syllabus. */
export async function dueDatesForCourse(user: SessionUser, courseSlug: string): Promise<CourseDueDates> {
  const [rows, completed] = await Promise.all([
    db().classMember.findMany({
      where: { userId: user.id, removedAt: null, class: { courseSlug, archivedAt: null } },
      select: { class: { select: { id: true, name: true, timeZone: true, dueDates: { select: { lessonSlug: true, dueAt: true } } } } },
      orderBy: { joinedAt: "asc" },
    }),
    db().lessonProgress.findMany({ where: { userId: user.id, courseSlug, completedAt: { not: null } }, select: { lessonSlug: true } }),
  ]);
  return {
    classes: rows.map(({ class: cls }) => ({
      classId: cls.id,
      className: cls.name,
      timeZone: cls.timeZone,
      dueDates: Object.fromEntries(cls.dueDates.map((due) => [due.lessonSlug, due.dueAt.toISOString()])),
    })),
    completed: completed.map((row) => row.lessonSlug),
  };
}
