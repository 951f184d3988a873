import "server-only";
import { getMDXComponent } from "mdx-bundler/client";
import type { CompiledLesson } from "@/lib/content/types";
import { lessonComponents } from "./lesson-components";

// Evaluating the bundle is cheap but not free; keep one component per compiled version.
const components = new Map<string, ReturnType<typeof getMDXComponent>>();

export function LessonBody({ lesson }: { lesson: CompiledLesson }) {
  const key = `${lesson.courseSlug}/${lesson.slug}@${lesson.contentHash}`;
  let Content = components.get(key);
  if (!Content) {
    Content = getMDXComponent(lesson.code);
    components.set(key, Content);
  }
  return (
    <div className="prose prose-zinc max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-accent-700 dark:prose-a:text-accent-300">
      <Content components={lessonComponents(lesson) as never} />
    </div>
  );
}
