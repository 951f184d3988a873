// A class's dates live in its own time zone, as in Canvas and Moodle: "due 1 March, 23:59" means 23:59 in
// Europe/London for every student, wherever they are. Due dates are stored as instants (UTC); start and end
// are calendar dates. Pure, and safe in the browser (Intl only), so lessons format due dates the same way.
import { TZDate } from "@date-fns/tz";

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "2026-03-01", a real day. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  return Boolean(match && validDay(Number(match[1]), Number(match[2]), Number(match[3])));
}

/**
 * The instant a wall-clock time ("2026-03-01T23:59", as <input type="datetime-local"> gives it) names in a
 * time zone, or null when it is not a valid time. A time skipped by a daylight-saving change moves forward
 * by the gap (02:30 on the spring-forward night is 03:30); a repeated one is the later of the two.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (!validDay(year, month, day) || hour > 23 || minute > 59) return null;
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The inverse of zonedLocalToInstant: what a datetime-local input shows for an instant in the zone. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "Sun 1 Mar 2026, 23:59 GMT": a due date as people read it, with the zone's abbreviation. Built from
 * parts, so the server and every browser (whatever their ICU version punctuates) print the same text. */
export function formatDueDate(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", month: "short", timeZoneName: "short" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const time = parts(instant, timeZone);
  return `${p.weekday} ${Number(time.day)} ${p.month} ${time.year}, ${time.hour}:${time.minute} ${p.timeZoneName}`;
}

/** "1 Mar 2026" for a calendar date (no zone: it is a day, not an instant). */
export function formatCalendarDate(value: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const month = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short" }).format(new Date(Date.UTC(2000, Number(match[2]) - 1, 1)));
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** A moment for "last active" and similar: "3 Mar 2026, 14:05" in the class's zone. */
export function formatMoment(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${Number(p.day)} ${new Intl.DateTimeFormat("en-GB", { timeZone, month: "short" }).format(instant)} ${p.year}, ${p.hour}:${p.minute}`;
}

export type ClassPeriod = "upcoming" | "running" | "ended";

/** Where today (in the class's zone) falls between the class's start and end dates. */
export function classPeriod(startsOn: string | null, endsOn: string | null, now: Date, timeZone: string): ClassPeriod {
  const p = parts(now, timeZone);
  const today = `${p.year}-${p.month}-${p.day}`;
  if (startsOn && today < startsOn) return "upcoming";
  if (endsOn && today > endsOn) return "ended";
  return "running";
}
