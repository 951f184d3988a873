// The top of a class's studio pages: where it sits, its course and dates, and the two views of it.
import Link from "next/link";
import type { ClassRecord } from "@/lib/classes/access";
import { classPeriod, formatCalendarDate } from "@/lib/classes/date-format";

type Props = { record: ClassRecord; courseTitle: string; current: "gradebook" | "settings" };

export function ClassHeader({ record, courseTitle, current }: Props) {
  const period = classPeriod(record.startsOn, record.endsOn, new Date(), record.timeZone);
  const dates =
    record.startsOn || record.endsOn
      ? `${record.startsOn ? formatCalendarDate(record.startsOn) : "…"} – ${record.endsOn ? formatCalendarDate(record.endsOn) : "…"}`
      : "No dates set";
  const tab = (view: typeof current, href: string, label: string) => (
    <Link href={href} aria-current={current === view ? "page" : undefined} className={`rounded-md px-3 py-1.5 ${current === view ? "bg-zinc-200 font-semibold dark:bg-zinc-800" : "underline"}`}>
      {label}
    </Link>
  );
  return (
    <header className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/studio" className="underline">
          Studio
        </Link>{" "}
        /{" "}
        <Link href="/studio/classes" className="underline">
          Classes
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">
        {record.name}
        {record.archivedAt && <span className="ml-3 rounded bg-zinc-200 px-2 py-0.5 align-middle text-sm font-semibold dark:bg-zinc-800">Archived</span>}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        {courseTitle} · {dates} · {record.archivedAt ? "archived" : period} · times in {record.timeZone.replaceAll("_", " ")}
      </p>
      <nav aria-label="Class views" className="flex gap-2 text-sm">
        {tab("gradebook", `/studio/classes/${record.id}`, "Students and grades")}
        {tab("settings", `/studio/classes/${record.id}/settings`, "Settings")}
      </nav>
    </header>
  );
}
