// A signed-out reader's progress, kept in this browser and merged into the account on sign-in.
export type LocalProgressEntry = {
  courseSlug: string;
  lessonSlug: string;
  completed: boolean;
  lastVisitedAt: string;
  lastSection: string | null;
};

const KEY = "af:progress";

// What another tab, an older version or a curious reader left in localStorage is checked field by field
// (not with zod, which lesson pages do not load): a malformed entry is dropped, never rendered or sent.
function isLocalProgressEntry(value: unknown): value is LocalProgressEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.courseSlug === "string" &&
    typeof entry.lessonSlug === "string" &&
    typeof entry.completed === "boolean" &&
    typeof entry.lastVisitedAt === "string" &&
    (entry.lastSection === null || typeof entry.lastSection === "string")
  );
}

export function readLocalProgress(): LocalProgressEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isLocalProgressEntry) : [];
  } catch {
    return [];
  }
}

export function updateLocalProgress(courseSlug: string, lessonSlug: string, change: Partial<Omit<LocalProgressEntry, "courseSlug" | "lessonSlug">>) {
  const entries = readLocalProgress();
  const existing = entries.find((entry) => entry.courseSlug === courseSlug && entry.lessonSlug === lessonSlug);
  const updated: LocalProgressEntry = {
    courseSlug,
    lessonSlug,
    completed: existing?.completed ?? false,
    lastVisitedAt: existing?.lastVisitedAt ?? new Date().toISOString(),
    lastSection: existing?.lastSection ?? null,
    ...change,
  };
  const rest = entries.filter((entry) => entry !== existing);
  localStorage.setItem(KEY, JSON.stringify([...rest, updated]));
}

export function clearLocalProgress() {
  localStorage.removeItem(KEY);
}
