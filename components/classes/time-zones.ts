// The time zones a class can be set in: the IANA zones Intl knows (the server checks each again). Pages
// compute the list on the server and pass it down, so the browser renders the same options it hydrates.
export function timeZoneList(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...zones])].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

export function zoneOptions(zones: readonly string[], current: string): Array<{ value: string; label: string }> {
  return [...new Set([current, ...zones])].sort((a, b) => zones.indexOf(a) - zones.indexOf(b)).map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

/** The browser's own zone: the default for a new class. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
