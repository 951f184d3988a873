// The copy of the editor's text kept in this browser until the server has it, so an expired session, a
// closed tab or a network outage loses nothing. Restored when the editor opens again (e.g. after sign-in).
export type LocalCopy = { source: string; baseRevisionId: string | null; draftVersion: number | null; keptAt: string };

/** A kept copy read back from localStorage, checked field by field: anything else is no copy. */
function isLocalCopy(value: unknown): value is LocalCopy {
  if (typeof value !== "object" || value === null) return false;
  const copy = value as Record<string, unknown>;
  return (
    typeof copy.source === "string" &&
    (copy.baseRevisionId === null || typeof copy.baseRevisionId === "string") &&
    (copy.draftVersion === null || typeof copy.draftVersion === "number") &&
    typeof copy.keptAt === "string"
  );
}

const key = (courseSlug: string, lessonSlug: string) => `af-studio:${courseSlug}/${lessonSlug}`;

export const localCopy = {
  read(courseSlug: string, lessonSlug: string): LocalCopy | null {
    try {
      const text = localStorage.getItem(key(courseSlug, lessonSlug));
      const parsed: unknown = text ? JSON.parse(text) : null;
      return isLocalCopy(parsed) ? parsed : null;
    } catch {
      return null;
    }
  },
  write(courseSlug: string, lessonSlug: string, copy: Omit<LocalCopy, "keptAt">) {
    try {
      localStorage.setItem(key(courseSlug, lessonSlug), JSON.stringify({ ...copy, keptAt: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the server copy is all there is; the status line still says what is saved.
    }
  },
  clear(courseSlug: string, lessonSlug: string) {
    try {
      localStorage.removeItem(key(courseSlug, lessonSlug));
    } catch {}
  },
};
