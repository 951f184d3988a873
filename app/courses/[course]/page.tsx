import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonDueDates } from "@/components/classes/lesson-due-dates";
import { CourseProgressBar, LessonStatus } from "@/components/progress/syllabus-progress";
import { getCourse, getGlossary } from "@/lib/course/catalog";
import { courseMinutes, describeMinutes } from "@/lib/course/duration";

type Params = { params: Promise<{ course: string }> };

// Rendered from the catalog, cached in memory per content version by the server entry (see the lesson page).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const course = await getCourse((await params).course);
  return course ? { title: course.manifest.title, description: course.manifest.summary } : {};
}

export default async function CoursePage({ params }: Params) {
  const courseSlug = (await params).course;
  const [course, glossary] = await Promise.all([getCourse(courseSlug), getGlossary(courseSlug)]);
  if (!course) notFound();
  const { manifest, lessons } = course;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{manifest.title}</h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">{manifest.summary}</p>
        <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-semibold">Audience</dt>
          <dd>{manifest.audience}</dd>
          <dt className="font-semibold">Prerequisites</dt>
          <dd>
            <ul className="list-disc pl-5">
              {manifest.prerequisites.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">Time</dt>
          <dd data-testid="course-time">{describeMinutes(courseMinutes(lessons))} in all, the sum of the lessons below</dd>
          {glossary && (
            <>
              <dt className="font-semibold">Reference</dt>
              <dd>
                <Link href={`/courses/${manifest.slug}/glossary`} className="underline">
                  {glossary.title}
                </Link>
              </dd>
            </>
          )}
        </dl>
        <CourseProgressBar courseSlug={manifest.slug} lessonSlugs={lessons.map((lesson) => lesson.slug)} />
      </header>
      <ol className="space-y-4">
        {lessons.map((lesson, index) => (
          <li key={lesson.slug} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">
                <Link href={`/courses/${manifest.slug}/${lesson.slug}`} className="hover:underline">
                  {index + 1}. {lesson.title}
                </Link>
              </h2>
              <LessonStatus courseSlug={manifest.slug} lessonSlug={lesson.slug} />
            </div>
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">{lesson.summary}</p>
            <LessonDueDates courseSlug={manifest.slug} lessonSlug={lesson.slug} variant="syllabus" />
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {lesson.estimatedMinutes} min · {lesson.quizIds.length > 0 ? "graded quiz" : "no quiz"}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
