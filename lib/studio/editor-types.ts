// What the editor page hands the editor: built on the server (editor-page.ts), rendered by
// components/studio/lesson-editor.tsx. Plain data, so it lives here and both sides import it.
import type { DiffLine, EditorBase } from "./revision-rules";

export type RevisionView = { id: string; number: number; authorName: string; message: string | null; createdAt: string; diff: Array<DiffLine | null> };

export type EditorProps = {
  courseSlug: string;
  lessonSlug: string;
  title: string;
  published: boolean;
  initialSource: string;
  initialBase: EditorBase;
  headNumber: number;
  /** A file lesson whose studio revisions (if any) are not served. */
  servingFile: boolean;
  draftSavedAt: string | null;
  draftSavedBy: string | null;
  revisions: RevisionView[];
};
