// Formatting a class's dates for people, in the class's time zone. Intl only (no time-zone library), so the
// lesson page's due-date component costs the browser almost nothing. Built from formatToParts, so the server
// and every browser (whatever their ICU version punctuates) print the same text.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl.DateTimeFormat costs far more than using one, and a class page formats a date per student.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

function zonedParts(instant: Date, timeZone: string): Record<string, string> {
  const format = formatter(timeZone, { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The inverse of zonedLocalToInstant: what a datetime-local input shows for an instant in the zone. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "Sun 1 Mar 2026, 23:59 GMT": a due date as people read it, with the zone's abbreviation. */
export function formatDueDate(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    formatter(timeZone, { weekday: "short", month: "short", timeZoneName: "short" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const time = zonedParts(instant, timeZone);
  return `${p.weekday} ${Number(time.day)} ${p.month} ${time.year}, ${time.hour}:${time.minute} ${p.timeZoneName}`;
}

/** "1 Mar 2026" for a calendar date (no zone: it is a day, not an instant). */
export function formatCalendarDate(value: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const month = formatter("UTC", { month: "short" }).format(new Date(Date.UTC(2000, Number(match[2]) - 1, 1)));
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** A moment for "last active" and similar: "3 Mar 2026, 14:05" in the class's zone. */
export function formatMoment(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${Number(p.day)} ${formatter(timeZone, { month: "short" }).format(instant)} ${p.year}, ${p.hour}:${p.minute}`;
}

export type ClassPeriod = "upcoming" | "running" | "ended";

/** Where today (in the class's zone) falls between the class's start and end dates. */
export function classPeriod(startsOn: string | null, endsOn: string | null, now: Date, timeZone: string): ClassPeriod {
  const p = zonedParts(now, timeZone);
  const today = `${p.year}-${p.month}-${p.day}`;
  if (startsOn && today < startsOn) return "upcoming";
  if (endsOn && today > endsOn) return "ended";
  return "running";
}
