import "server-only";
// Props for the editor page: the editor's starting state and each revision's diff against the one before.
import { warmStudioCompiler } from "./studio-compile-pool";
import type { EditorProps } from "./editor-types";
import { condenseDiff, lineDiff } from "./revision-rules";
import { loadEditorState, readFileLessonSource } from "./studio-data";

export async function editorPageData(courseSlug: string, lessonSlug: string): Promise<EditorProps | null> {
  warmStudioCompiler();
  const state = await loadEditorState(courseSlug, lessonSlug);
  if (!state) return null;
  const fileSource = state.fromFile ? ((await readFileLessonSource(courseSlug, lessonSlug)) ?? "") : "";
  const oldestFirst = [...state.revisions].reverse();
  const diffs = new Map(oldestFirst.map((revision, index) => [revision.id, condenseDiff(lineDiff(index === 0 ? fileSource : oldestFirst[index - 1]!.source, revision.source))]));
  return {
    courseSlug,
    lessonSlug,
    title: state.title,
    published: state.published,
    initialSource: state.source,
    initialBase: { baseRevisionId: state.baseRevisionId, draftVersion: state.draftVersion },
    headNumber: state.headNumber,
    servingFile: state.servingFile,
    draftSavedAt: state.draftSavedAt,
    draftSavedBy: state.draftSavedBy,
    revisions: state.revisions.map(({ source: _source, ...revision }) => ({ ...revision, diff: diffs.get(revision.id) ?? [] })),
  };
}
