import type { Metadata } from "next";
import Link from "next/link";
import { CourseLessons } from "@/components/studio/course-lessons";
import { requirePageUser } from "@/lib/auth/session";
import { studioOverview } from "@/lib/studio/studio-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Studio" };

export default async function StudioPage() {
  await requirePageUser("instructor", "/studio");
  const courses = await studioOverview();
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">Studio</h1>
        <span className="flex gap-4">
          <Link href="/studio/classes" className="underline">Classes</Link>
          <Link href="/studio/analytics" className="underline">Quiz analytics</Link>
        </span>
      </header>
      {courses.map((course) => (
        <CourseLessons key={course.slug} courseSlug={course.slug} title={course.title} lessons={course.lessons} />
      ))}
    </div>
  );
}
