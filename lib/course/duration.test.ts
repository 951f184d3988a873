import { describe, expect, it } from "vitest";
import { courseMinutes, describeMinutes } from "./duration";

describe("course time", () => {
  it("is the sum of the lessons' minutes", () => {
    expect(courseMinutes([45, 50, 50, 50, 45].map((estimatedMinutes) => ({ estimatedMinutes })))).toBe(240);
    expect(courseMinutes([])).toBe(0);
  });

  it("is described exactly, in hours and minutes", () => {
    expect(describeMinutes(240)).toBe("4 hours");
    expect(describeMinutes(225)).toBe("3 hours 45 minutes");
    expect(describeMinutes(61)).toBe("1 hour 1 minute");
    expect(describeMinutes(60)).toBe("1 hour");
    expect(describeMinutes(45)).toBe("45 minutes");
    expect(describeMinutes(1)).toBe("1 minute");
  });
});
