import "server-only";
// The live preview: compile unsaved text and return what the browser needs to render it with the student
// components. Only public data leaves: the quiz definitions (with the key) are dropped here.
import type { ContentDiagnostic } from "@/lib/content/diagnostics";
import type { CompiledLesson } from "@/lib/content/types";
import { compileStudioSource } from "./studio-compile.server";

export type PreviewLesson = Omit<CompiledLesson, "searchSections">;
export type PreviewResult = { ok: true; lesson: PreviewLesson; diagnostics: ContentDiagnostic[]; ms: number } | { ok: false; diagnostics: ContentDiagnostic[]; ms: number };

export async function previewLesson(source: string, courseSlug: string, lessonSlug: string): Promise<PreviewResult> {
  const started = performance.now();
  const result = await compileStudioSource(source, courseSlug, lessonSlug);
  const ms = Math.round(performance.now() - started);
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics, ms };
  const { searchSections: _searchSections, ...lesson } = result.lesson;
  return { ok: true, lesson, diagnostics: result.diagnostics, ms };
}
