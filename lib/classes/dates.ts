// A class's dates live in its own time zone, as in Canvas and Moodle: "due 1 March, 23:59" means 23:59 in
// Europe/London for every student, wherever they are. Due dates are stored as instants (UTC); start and end
// are calendar dates. Reading wall-clock times needs a time-zone library (@date-fns/tz); showing them does
// not, and lives in date-format.ts so the browser never loads the library.
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
