import type { Metadata } from "next";
import Link from "next/link";
import { ClassHeader } from "@/components/classes/class-header";
import { GradebookDownload } from "@/components/classes/gradebook-download";
import { GradebookLegend } from "@/components/classes/gradebook-legend";
import { GradebookTable } from "@/components/classes/gradebook-table";
import { JoinCodePanel } from "@/components/classes/join-code-panel";
import { RosterForm } from "@/components/classes/roster-form";
import { SORT_KEYS, sortStudents } from "@/lib/classes/gradebook";
import { tableView } from "@/lib/classes/gradebook-view";
import { courseShape, loadClassGradebook } from "@/lib/classes/gradebook-data";
import { formatJoinCode } from "@/lib/classes/join-code";
import { requireTaughtClassPage } from "@/lib/classes/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class" };

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<{ sort?: string; q?: string }> };

export default async function ClassPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { taught } = await requireTaughtClassPage(classId, `/studio/classes/${encodeURIComponent(classId)}`);
  const { record } = taught;
  const query = await searchParams;
  const shape = await courseShape(record.courseSlug);
  const book = await loadClassGradebook(record, { shape });
  const sort = typeof query.sort === "string" ? query.sort.slice(0, 120) : "name";
  const filter = typeof query.q === "string" ? query.q.trim().toLowerCase().slice(0, 100) : "";
  const matches = (row: { name: string; email: string }) => !filter || row.name.toLowerCase().includes(filter) || row.email.toLowerCase().includes(filter);
  const students = sortStudents(book, book.students.filter(matches), sort);
  const href = (key: string) => `?${new URLSearchParams({ ...(filter ? { q: filter } : {}), sort: key })}`;
  const hrefs = Object.fromEntries([...SORT_KEYS, ...book.quizzes.map((quiz) => `quiz:${quiz.id}`)].map((key) => [key, href(key)]));
  const readOnly = record.archivedAt !== null;
  const caption = `Students of ${record.name}: progress per lesson and grade per quiz`;
  const removedCaption = `Students removed from ${record.name}`;
  return (
    <div className="space-y-6">
      <ClassHeader record={record} courseTitle={shape.title} current="gradebook" />
      <JoinCodePanel classId={record.id} code={formatJoinCode(record.joinCode)} enabled={record.joinEnabled} readOnly={readOnly} />
      <section aria-labelledby="students-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="students-heading" className="text-xl font-semibold">
            {book.students.length} {book.students.length === 1 ? "student" : "students"}
          </h2>
          <div className="flex flex-wrap items-end gap-3">
            <Link href={`/studio/analytics?course=${record.courseSlug}&class=${record.id}`} className="underline">
              Quiz analytics for this class
            </Link>
            <GradebookDownload classId={record.id} />
          </div>
        </div>
        <form method="get" className="flex items-end gap-2" role="search" aria-label="Find a student">
          <input type="hidden" name="sort" value={sort} />
          <label className="text-sm">
            <span className="block font-medium">Find a student</span>
            <input name="q" defaultValue={filter} className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900" />
          </label>
          <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-600">
            Find
          </button>
          {filter && (
            <Link href={`?${new URLSearchParams({ sort })}`} className="text-sm underline">
              Show everyone
            </Link>
          )}
        </form>
        {readOnly ? (
          <GradebookTable view={tableView(book, students, record.timeZone)} caption={caption} sort={{ key: sort, hrefs }} selectable={false} />
        ) : (
          <RosterForm classId={record.id} action="remove">
            <GradebookTable view={tableView(book, students, record.timeZone)} caption={caption} sort={{ key: sort, hrefs }} selectable />
          </RosterForm>
        )}
        <GradebookLegend book={book} timeZone={record.timeZone} />
      </section>
      {book.removed.length > 0 && (
        <section aria-labelledby="removed-heading" className="space-y-3">
          <h2 id="removed-heading" className="text-xl font-semibold">
            Removed students ({book.removed.length})
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Not on the roster and not in the exports; every attempt they made is kept, and their grades are shown here as they stand.
          </p>
          {readOnly ? (
            <GradebookTable view={tableView(book, book.removed, record.timeZone)} caption={removedCaption} sort={null} selectable={false} />
          ) : (
            <RosterForm classId={record.id} action="restore">
              <GradebookTable view={tableView(book, book.removed, record.timeZone)} caption={removedCaption} sort={null} selectable />
            </RosterForm>
          )}
        </section>
      )}
    </div>
  );
}
