// Roles form a ladder: an admin can do what an instructor can, and an instructor what a student can.
import { z } from "zod";

export const ROLES = ["student", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const RANK: Record<Role, number> = { student: 0, instructor: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `actual` meets or exceeds `required`. An unknown stored role meets nothing. */
export function hasRole(actual: string | null | undefined, required: Role): boolean {
  return isRole(actual) && RANK[actual] >= RANK[required];
}
