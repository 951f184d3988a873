import "server-only";
// The live preview: unsaved text is compiled in the worker pool (compile-pool.ts) to a sanitised tree the
// browser renders with the student components. Only public data leaves the worker: quiz keys stay there.
import { quizIdConflicts } from "@/lib/attempts/quiz-id-registry";
import { studioCompilePool } from "./studio-compile-pool";
import type { PreviewOutcome } from "./compile-tasks";
import type { PreviewResult } from "./preview-types";
import { choiceIdSalt } from "./studio-labels";

export async function previewLesson(source: string, courseSlug: string, lessonSlug: string): Promise<PreviewResult> {
  const started = performance.now();
  const outcome = (await studioCompilePool().run({ kind: "preview", source, courseSlug, lessonSlug, salt: choiceIdSalt() })) as PreviewOutcome;
  const ms = () => Math.round(performance.now() - started);
  if (!outcome.ok) return { ...outcome, ms: ms() };
  // Publishing would refuse a quiz id used elsewhere (that needs the database); say so while the author types.
  const { facts, ...preview } = outcome;
  const conflicts = await quizIdConflicts(facts);
  return { ...preview, diagnostics: [...preview.diagnostics, ...conflicts], ms: ms() };
}
