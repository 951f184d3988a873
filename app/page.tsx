import Link from "next/link";
import { ResumeLink } from "@/components/progress/resume-link";
import { listCourses } from "@/lib/course/catalog";
import { courseMinutes, describeMinutes } from "@/lib/course/duration";

export default async function HomePage() {
  const courses = await listCourses();
  const titles = Object.fromEntries(
    courses.flatMap((course) => course.lessons.map((lesson) => [`${course.manifest.slug}/${lesson.slug}`, lesson.title])),
  );
  return (
    <div className="space-y-12">
      {courses.map(({ manifest, lessons }) => (
        <section key={manifest.slug} className="space-y-5">
          <h1 className="text-4xl font-bold tracking-tight">{manifest.title}</h1>
          <p className="max-w-3xl text-lg text-zinc-700 dark:text-zinc-300">{manifest.summary}</p>
          <p className="max-w-3xl text-zinc-700 dark:text-zinc-300">
            <strong>For:</strong> {manifest.audience} <strong>Time:</strong> <span data-testid="course-time">{describeMinutes(courseMinutes(lessons))}</span>, in{" "}
            {lessons.length} lessons with graded quizzes and interactive figures.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link
              href={`/courses/${manifest.slug}/${lessons[0]?.slug ?? ""}`}
              className="rounded-md bg-accent-600 px-5 py-2.5 font-semibold text-white hover:bg-accent-700"
            >
              Start the course
            </Link>
            <Link href={`/courses/${manifest.slug}`} className="rounded-md px-4 py-2 font-medium underline">
              See the syllabus
            </Link>
            <ResumeLink titles={titles} />
          </div>
          <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {lessons.map((lesson, index) => (
              <li key={lesson.slug} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <p className="text-sm text-zinc-600 dark:text-zinc-400">Lesson {index + 1}</p>
                <h2 className="font-semibold">
                  <Link href={`/courses/${manifest.slug}/${lesson.slug}`} className="hover:underline">
                    {lesson.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{lesson.summary}</p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {courses.length === 0 && <p>No courses have been compiled yet. Run `npm run content:build`.</p>}
    </div>
  );
}
