import "server-only";
// The live preview: unsaved text is compiled in the worker pool (compile-pool.ts) to a sanitised tree the
// browser renders with the student components. Only public data leaves the worker: quiz keys stay there.
import { studioCompilePool } from "./compile-pool.server";
import type { PreviewOutcome } from "./compile-tasks";
import type { PreviewResult } from "./preview-types";
import { choiceIdSalt } from "./studio-labels";

export async function previewLesson(source: string, courseSlug: string, lessonSlug: string): Promise<PreviewResult> {
  const started = performance.now();
  const outcome = (await studioCompilePool().run({ kind: "preview", source, courseSlug, lessonSlug, salt: choiceIdSalt() })) as PreviewOutcome;
  return { ...outcome, ms: Math.round(performance.now() - started) };
}
