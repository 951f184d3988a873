import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonLayout } from "@/components/lesson/lesson-layout";
import { LessonBody } from "@/components/mdx/lesson-body";
import { getCourse, getLesson, listCourses, neighbours } from "@/lib/course/catalog";

type Params = { params: Promise<{ course: string; lesson: string }> };

// Prerendered at build time; personal state (progress, quiz attempts) loads in the browser afterwards.
export async function generateStaticParams() {
  return (await listCourses()).flatMap((course) =>
    course.lessons.map((lesson) => ({ course: course.manifest.slug, lesson: lesson.slug })),
  );
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course, lesson } = await params;
  const compiled = await getLesson(course, lesson);
  return compiled ? { title: compiled.frontmatter.title, description: compiled.frontmatter.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { course: courseSlug, lesson: lessonSlug } = await params;
  const [course, lesson] = await Promise.all([getCourse(courseSlug), getLesson(courseSlug, lessonSlug)]);
  if (!course || !lesson) notFound();
  return (
    <LessonLayout course={course} lesson={lesson} neighbours={neighbours(course, lessonSlug)}>
      <LessonBody lesson={lesson} />
    </LessonLayout>
  );
}
