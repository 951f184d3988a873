import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classPeriod, formatCalendarDate, formatDueDate, instantToZonedLocal } from "./date-format";
import { isCalendarDate, isTimeZone, zonedLocalToInstant } from "./dates";

describe("class dates", () => {
  it("accepts IANA time zones and nothing else", () => {
    for (const zone of ["UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Asia/Kolkata"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["", "Mars/Olympus", "Europe/London; DROP TABLE", "../../etc/passwd", "x".repeat(100)]) expect(isTimeZone(zone)).toBe(false);
  });

  it("accepts only real calendar days", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-1", "26-01-01", "2026-01-01T00:00", "1999-12-31"]) expect(isCalendarDate(bad)).toBe(false);
  });

  it("reads a wall-clock time in the class's zone, not the server's", () => {
    expect(zonedLocalToInstant("2026-03-01T23:59", "Europe/London")?.toISOString()).toBe("2026-03-01T23:59:00.000Z");
    expect(zonedLocalToInstant("2026-07-01T23:59", "Europe/London")?.toISOString()).toBe("2026-07-01T22:59:00.000Z");
    expect(zonedLocalToInstant("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedLocalToInstant("2026-07-01T09:00", "Asia/Kolkata")?.toISOString()).toBe("2026-07-01T03:30:00.000Z");
  });

  it("moves a time skipped by daylight saving forward by the gap", () => {
    // London springs forward at 01:00 GMT on 29 March 2026: 01:30 does not exist and becomes 02:30 BST.
    expect(zonedLocalToInstant("2026-03-29T01:30", "Europe/London")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuses times that are not times", () => {
    for (const bad of ["2026-02-30T10:00", "2026-01-01T24:00", "2026-01-01T10:60", "2026-01-01 10:00", "tomorrow"]) {
      expect(zonedLocalToInstant(bad, "UTC")).toBeNull();
    }
  });

  it("round-trips every wall-clock time that exists, in zones either side of UTC", () => {
    const zones = ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.date({ min: new Date("2001-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }), (zone, date) => {
        const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
        const local = instantToZonedLocal(minute, zone);
        const back = zonedLocalToInstant(local, zone)!;
        // Equal, or the repeated hour of a fall-back night, which names the later instant.
        expect(instantToZonedLocal(back, zone)).toBe(local);
      }),
    );
  });

  it("formats a due date with the zone it is in", () => {
    expect(formatDueDate(new Date("2026-03-01T23:59:00Z"), "Europe/London")).toBe("Sun 1 Mar 2026, 23:59 GMT");
    expect(formatDueDate(new Date("2026-07-01T22:59:00Z"), "Europe/London")).toBe("Wed 1 Jul 2026, 23:59 BST");
    expect(formatCalendarDate("2026-09-07")).toBe("7 Sept 2026");
  });

  it("places today between the start and end dates in the class's zone", () => {
    const now = new Date("2026-03-01T23:30:00Z"); // already 2 March in Tokyo
    expect(classPeriod("2026-03-02", null, now, "UTC")).toBe("upcoming");
    expect(classPeriod("2026-03-02", null, now, "Asia/Tokyo")).toBe("running");
    expect(classPeriod(null, "2026-02-28", now, "UTC")).toBe("ended");
    expect(classPeriod(null, null, now, "UTC")).toBe("running");
  });
});
