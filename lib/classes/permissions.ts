// Who may do what with a class. Pure: the caller's site role and their rows in ClassInstructor decide.
//   admin          every class, everything (admins see every class);
//   owner          teaches it, and alone (with admins) adds or removes co-instructors and archives it;
//   co-instructor  teaches it: roster, grades, analytics, due dates, join code, removing students;
//   anyone else    nothing, not even whether the class exists.
// A co-instructor whose site role drops below instructor loses the class with it: pages and routes require
// the instructor role before they look here.
import { hasRole } from "@/lib/auth/roles";

export type ClassRole = "admin" | "owner" | "co-instructor";
export type InstructorRow = { userId: string; role: string };

export function classRole(user: { id: string; role: string }, instructors: readonly InstructorRow[]): ClassRole | null {
  if (hasRole(user.role, "admin")) return "admin";
  if (!hasRole(user.role, "instructor")) return null;
  const row = instructors.find((instructor) => instructor.userId === user.id);
  if (!row) return null;
  return row.role === "owner" ? "owner" : "co-instructor";
}

/** See the class, its students and grades; set due dates; manage the join code and the roster. */
export function canTeach(role: ClassRole | null): role is ClassRole {
  return role !== null;
}

/** Add or remove co-instructors, archive or restore the class. */
export function canManage(role: ClassRole | null): boolean {
  return role === "admin" || role === "owner";
}
