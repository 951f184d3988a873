// What the preview route returns and the editor renders: the compiled lesson without its code or search
// text, with the sanitised tree to render instead (preview-tree.ts, docs/decisions/0005).
import type { Root } from "hast";
import type { ContentDiagnostic } from "@/lib/content/diagnostics";
import type { CompiledLesson } from "@/lib/content/types";

export type PreviewLesson = Omit<CompiledLesson, "searchSections" | "code"> & { tree: Root };

/** A 200 carries `ok: true`; a failed compile is a 422 with the same body and `ok: false`. */
export type PreviewResult = { ok: true; lesson: PreviewLesson; diagnostics: ContentDiagnostic[]; ms: number } | { ok: false; diagnostics: ContentDiagnostic[]; ms: number };
