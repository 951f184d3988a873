import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonEditor } from "@/components/studio/lesson-editor";
import { requirePageUser } from "@/lib/auth/session";
import { editorPageData } from "@/lib/studio/editor-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit lesson" };

type Params = { params: Promise<{ course: string; lesson: string }> };

export default async function StudioLessonPage({ params }: Params) {
  const { course, lesson } = await params;
  await requirePageUser("instructor", `/studio/${course}/${lesson}`);
  const data = await editorPageData(course, lesson);
  if (!data) notFound();
  return <LessonEditor {...data} />;
}
