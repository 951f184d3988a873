// The time a course takes is the sum of its lessons' times: one figure, computed here, shown everywhere.
// Framework-free, so pages, tests and the e2e journeys share it.

/** Total minutes of a course: the sum of its lessons' estimatedMinutes. */
export function courseMinutes(lessons: ReadonlyArray<{ estimatedMinutes: number }>): number {
  return lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0);
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** "45 minutes", "4 hours", "3 hours 45 minutes": exact, so every page that shows it agrees to the minute. */
export function describeMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, "minute");
  return rest === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(rest, "minute")}`;
}
