import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GlossaryView } from "@/components/glossary/glossary-view";
import { getCourse, getGlossary, listCourses } from "@/lib/course/catalog";

type Params = { params: Promise<{ course: string }> };

// Prerendered at build time, like the lessons: the glossary is compiled from content/ by content:build.
export async function generateStaticParams() {
  const courses = await listCourses();
  const withGlossary = await Promise.all(courses.map(async (course) => ((await getGlossary(course.manifest.slug)) ? [course.manifest.slug] : [])));
  return withGlossary.flat().map((course) => ({ course }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course } = await params;
  const [compiled, glossary] = await Promise.all([getCourse(course), getGlossary(course)]);
  return compiled && glossary ? { title: `${glossary.title} · ${compiled.manifest.title}`, description: glossary.summary } : {};
}

export default async function GlossaryPage({ params }: Params) {
  const { course: courseSlug } = await params;
  const [course, glossary] = await Promise.all([getCourse(courseSlug), getGlossary(courseSlug)]);
  if (!course || !glossary) notFound();
  return <GlossaryView course={course} glossary={glossary} />;
}
