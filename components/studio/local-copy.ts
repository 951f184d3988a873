// The copy of the editor's text kept in this browser until the server has it, so an expired session, a
// closed tab or a network outage loses nothing. Restored when the editor opens again (e.g. after sign-in).
export type LocalCopy = { source: string; baseRevisionId: string | null; draftVersion: number | null; keptAt: string };

const key = (courseSlug: string, lessonSlug: string) => `af-studio:${courseSlug}/${lessonSlug}`;

export const localCopy = {
  read(courseSlug: string, lessonSlug: string): LocalCopy | null {
    try {
      const text = localStorage.getItem(key(courseSlug, lessonSlug));
      return text ? (JSON.parse(text) as LocalCopy) : null;
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
