import type { Metadata } from "next";
import Link from "next/link";
import { NewClassForm } from "@/components/classes/new-class-form";
import { timeZoneList } from "@/components/classes/time-zones";
import { requirePageUser } from "@/lib/auth/session";
import { listTaughtClasses } from "@/lib/classes/class-store";
import { formatCalendarDate } from "@/lib/classes/date-format";
import { listCourses } from "@/lib/course/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Classes" };

export default async function ClassesStudioPage() {
  const user = await requirePageUser("instructor", "/studio/classes");
  const [classes, courses] = await Promise.all([listTaughtClasses(user), listCourses()]);
  const courseTitle = new Map(courses.map((course) => [course.manifest.slug, course.manifest.title]));
  const range = (startsOn: string | null, endsOn: string | null) =>
    startsOn || endsOn ? `${startsOn ? formatCalendarDate(startsOn) : "…"} – ${endsOn ? formatCalendarDate(endsOn) : "…"}` : "–";
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/studio" className="underline">
            Studio
          </Link>
        </p>
        <h1 className="text-3xl font-bold">Classes</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {user.role === "admin" ? "Every class on this site." : "The classes you own or co-teach."} A class gives a cohort a join code, due dates and a
          gradebook; docs/teaching.md explains how to run one.
        </p>
      </header>
      <NewClassForm courses={courses.map((course) => ({ slug: course.manifest.slug, title: course.manifest.title }))} timeZones={timeZoneList()} />
      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-xl font-semibold">
          {classes.length === 0 ? "No classes yet" : `${classes.length} ${classes.length === 1 ? "class" : "classes"}`}
        </h2>
        {classes.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="class-list">
              <thead className="border-b border-zinc-300 dark:border-zinc-700">
                <tr>
                  <th scope="col" className="p-2">Class</th>
                  <th scope="col" className="p-2">Course</th>
                  <th scope="col" className="p-2">Dates</th>
                  <th scope="col" className="p-2">Students</th>
                  <th scope="col" className="p-2">Instructors</th>
                </tr>
              </thead>
              <tbody>
                {classes.map((cls) => (
                  <tr key={cls.id} className="border-b border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className="p-2 font-medium">
                      <Link href={`/studio/classes/${cls.id}`} className="underline">
                        {cls.name}
                      </Link>
                      {cls.archivedAt && <span className="ml-2 rounded bg-zinc-200 px-1.5 text-xs dark:bg-zinc-800">Archived</span>}
                    </th>
                    <td className="p-2">{courseTitle.get(cls.courseSlug) ?? cls.courseSlug}</td>
                    <td className="p-2 whitespace-nowrap">{range(cls.startsOn, cls.endsOn)}</td>
                    <td className="p-2">{cls.students}</td>
                    <td className="p-2">{cls.instructors.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
