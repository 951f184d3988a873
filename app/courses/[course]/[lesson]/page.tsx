import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LessonLayout } from "@/components/lesson/lesson-layout";
import { LessonBody } from "@/components/mdx/lesson-body";
import { getCourse, getLesson, neighbours } from "@/lib/course/catalog";

type Params = { params: Promise<{ course: string; lesson: string }> };

// Rendered from the catalog (content files + the studio's database rows), never kept on this machine's
// disk: the server entry keeps each rendered page in memory per content version (lib/server/page-cache.ts),
// so a studio change reaches every instance and an unknown slug is never stored. Personal state (progress,
// quiz attempts) loads in the browser afterwards, so the page is the same for every reader.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course, lesson } = await params;
  const compiled = await getLesson(course, lesson);
  return compiled ? { title: compiled.frontmatter.title, description: compiled.frontmatter.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { course: courseSlug, lesson: lessonSlug } = await params;
  const [course, lesson, requestHeaders] = await Promise.all([getCourse(courseSlug), getLesson(courseSlug, lessonSlug), headers()]);
  if (!course || !lesson) notFound();
  // Set only by the server entry when it renders a document for its page cache (lib/server/loopback-render.ts).
  const inDocument = requestHeaders.get("x-af-document") === "1";
  return (
    <LessonLayout course={course} lesson={lesson} neighbours={neighbours(course, lessonSlug)}>
      <LessonBody lesson={lesson} inDocument={inDocument} />
    </LessonLayout>
  );
}
