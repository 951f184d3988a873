import { describe, expect, it } from "vitest";
import { canManage, canTeach, classRole } from "./permissions";

const instructors = [
  { userId: "owner", role: "owner" },
  { userId: "co", role: "co-instructor" },
];

describe("class permissions", () => {
  it("gives admins every class", () => {
    expect(classRole({ id: "anyone", role: "admin" }, [])).toBe("admin");
  });

  it("gives instructors only the classes they own or co-teach", () => {
    expect(classRole({ id: "owner", role: "instructor" }, instructors)).toBe("owner");
    expect(classRole({ id: "co", role: "instructor" }, instructors)).toBe("co-instructor");
    expect(classRole({ id: "other", role: "instructor" }, instructors)).toBeNull();
  });

  it("gives nothing to a co-instructor whose site role is now student, nor to unknown roles", () => {
    expect(classRole({ id: "co", role: "student" }, instructors)).toBeNull();
    expect(classRole({ id: "owner", role: "superuser" }, instructors)).toBeNull();
  });

  it("lets owners and admins manage, co-instructors teach", () => {
    expect([canTeach("admin"), canTeach("owner"), canTeach("co-instructor"), canTeach(null)]).toEqual([true, true, true, false]);
    expect([canManage("admin"), canManage("owner"), canManage("co-instructor"), canManage(null)]).toEqual([true, true, false, false]);
  });
});
