import Link from "next/link";
import { LessonDueDates } from "@/components/classes/lesson-due-dates";
import { CompleteButton } from "@/components/progress/complete-button";
import { LessonTracker } from "@/components/progress/lesson-tracker";
import type { LessonNeighbours } from "@/lib/course/catalog";
import type { CompiledCourse, CompiledLesson } from "@/lib/content/types";
import { TableOfContents } from "./table-of-contents";

type Props = { course: CompiledCourse; lesson: CompiledLesson; neighbours: LessonNeighbours; children: React.ReactNode };

export function LessonLayout({ course, lesson, neighbours, children }: Props) {
  const { frontmatter } = lesson;
  const courseHref = `/courses/${course.manifest.slug}`;
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
      {/* Render-blocking on purpose (HTML's rel=expect; Chrome 124+, others ignore it): no frame is painted
          before <main> is in the DOM. Chromium lifts the block when <main> is inserted, not when it closes,
          so the lesson may still be laid out in two passes; measured, the link still cuts a lesson's
          blocking time (decision 0016). React hoists the link into <head>, where it has to be. */}
      <link rel="expect" href="#main" blocking="render" />
      <article className="min-w-0">
        <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={courseHref} className="hover:underline">
            {course.manifest.title}
          </Link>{" "}
          / Lesson {neighbours.position} of {neighbours.total}
        </nav>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{frontmatter.title}</h1>
        <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{frontmatter.summary}</p>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">About {frontmatter.estimatedMinutes} minutes</p>
        <LessonDueDates courseSlug={course.manifest.slug} lessonSlug={lesson.slug} variant="lesson" />
        <section aria-labelledby="objectives" className="mt-6 rounded-lg bg-zinc-50 p-4 dark:bg-zinc-900">
          <h2 id="objectives" className="font-semibold">
            After this lesson you can
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {frontmatter.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
        {lesson.toc.length > 0 && (
          <details data-print-hide className="mt-6 rounded-lg border border-zinc-200 p-3 lg:hidden dark:border-zinc-800">
            <summary className="cursor-pointer font-semibold">Contents</summary>
            <div className="mt-2">
              <TableOfContents toc={lesson.toc} label="Contents" showHeading={false} />
            </div>
          </details>
        )}
        <div className="mt-8">{children}</div>
        <div className="mt-10 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <CompleteButton courseSlug={course.manifest.slug} lessonSlug={lesson.slug} />
        </div>
        <nav data-lesson-nav aria-label="Lessons" className="mt-8 flex flex-wrap justify-between gap-4">
          {neighbours.previous ? (
            <Link rel="prev" href={`${courseHref}/${neighbours.previous.slug}`} className="underline">
              ← Previous: {neighbours.previous.title}
            </Link>
          ) : (
            <span />
          )}
          {neighbours.next ? (
            <Link rel="next" href={`${courseHref}/${neighbours.next.slug}`} className="underline">
              Next: {neighbours.next.title} →
            </Link>
          ) : (
            <Link href={courseHref} className="underline">
              Back to the syllabus
            </Link>
          )}
        </nav>
      </article>
      <aside data-lesson-toc className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents toc={lesson.toc} />
        </div>
      </aside>
      <LessonTracker courseSlug={course.manifest.slug} lessonSlug={lesson.slug} sectionIds={lesson.toc.map((entry) => entry.id)} />
    </div>
  );
}
