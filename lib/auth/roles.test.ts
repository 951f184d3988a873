import { describe, expect, it } from "vitest";
import { hasRole, isRole, ROLES, type Role } from "./roles";

const expected: Record<Role, Record<Role, boolean>> = {
  student: { student: true, instructor: false, admin: false },
  instructor: { student: true, instructor: true, admin: false },
  admin: { student: true, instructor: true, admin: true },
};

describe("hasRole", () => {
  for (const actual of ROLES) {
    for (const required of ROLES) {
      it(`${actual} ${expected[actual][required] ? "meets" : "does not meet"} ${required}`, () => {
        expect(hasRole(actual, required)).toBe(expected[actual][required]);
      });
    }
  }

  it("denies missing and unknown roles", () => {
    for (const required of ROLES) {
      expect(hasRole(undefined, required)).toBe(false);
      expect(hasRole(null, required)).toBe(false);
      expect(hasRole("superuser", required)).toBe(false);
      expect(hasRole("Admin", required)).toBe(false);
    }
  });

  it("recognises exactly the three roles", () => {
    expect(ROLES.filter(isRole)).toEqual(["student", "instructor", "admin"]);
    expect(isRole("root")).toBe(false);
  });
});
