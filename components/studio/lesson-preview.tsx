"use client";
// Renders a compiled preview with exactly the student component map (components/mdx/lesson-components).
// The bundle is evaluated here, in the instructor's browser (docs/decisions/0005-studio-preview-in-the-browser.md).
import { getMDXComponent } from "mdx-bundler/client";
import { Component, useMemo, type ReactNode } from "react";
import { lessonComponents } from "@/components/mdx/lesson-components";
import type { CompiledLesson } from "@/lib/content/types";
import type { PreviewLesson } from "@/lib/studio/preview.server";

class RenderBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  render() {
    if (this.state.error) return <p role="alert" className="text-red-700 dark:text-red-400">The preview could not render: {this.state.error}</p>;
    return this.props.children;
  }
}

export function LessonPreview({ lesson }: { lesson: PreviewLesson }) {
  const Content = useMemo(() => getMDXComponent(lesson.code), [lesson.code]);
  const components = useMemo(() => lessonComponents({ ...lesson, searchSections: [] } satisfies CompiledLesson), [lesson]);
  return (
    <RenderBoundary key={lesson.contentHash}>
      <h1 className="mb-4 text-3xl font-bold">{lesson.frontmatter.title}</h1>
      <div className="prose prose-zinc max-w-none dark:prose-invert prose-a:text-accent-700 dark:prose-a:text-accent-300">
        <Content components={components as never} />
      </div>
    </RenderBoundary>
  );
}
