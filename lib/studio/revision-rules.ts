// The rules that keep two editors from overwriting each other, as pure functions. The database then enforces
// the same decision atomically (a conditional update on the draft version, unique revision numbers), so a
// race between two requests that both pass these checks still ends in one 409, never a lost text.
import { diffLines } from "diff";
import { GLOSSARY_SLUG, SLUG_PATTERN } from "@/lib/content/schemas";

/** What the editor believed when it sent its text. */
export type EditorBase = {
  /** The newest revision when the editor loaded the lesson; null for a lesson never published from the studio. */
  baseRevisionId: string | null;
  /** The draft version the editor last saw; null when there was no draft. */
  draftVersion: number | null;
};

export type LessonHead = { revisionId: string | null; revisionNumber: number };
export type DraftHead = { version: number; updatedByName: string; updatedAt: Date } | null;

type ConflictReason = "stale-base" | "stale-draft";
export type WriteDecision =
  | { ok: true; nextDraftVersion: number; nextRevisionNumber: number }
  | { ok: false; reason: ConflictReason; message: string };

const KEPT = "Your text was not saved over theirs; it is still in your editor and in this browser.";

function when(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** May a save (or a publish, or a restore) go ahead from `base`? */
export function decideWrite(head: LessonHead, draft: DraftHead, base: EditorBase): WriteDecision {
  if (base.baseRevisionId !== head.revisionId) {
    return {
      ok: false,
      reason: "stale-base",
      message: `Revision ${head.revisionNumber} was published after you opened this lesson. ${KEPT} Reload to see the new revision, then apply your changes to it.`,
    };
  }
  const current = draft?.version ?? null;
  if (base.draftVersion !== current) {
    const detail = draft
      ? `${draft.updatedByName} saved this draft (version ${draft.version}) at ${when(draft.updatedAt)}, after you loaded ${base.draftVersion === null ? "the lesson" : `version ${base.draftVersion}`}.`
      : "The draft you were editing was published or discarded by someone else.";
    return { ok: false, reason: "stale-draft", message: `${detail} ${KEPT} Reload to see their text.` };
  }
  return { ok: true, nextDraftVersion: (current ?? 0) + 1, nextRevisionNumber: head.revisionNumber + 1 };
}

/** A reorder must name every lesson of the course exactly once. Returns a problem, or null. */
export function checkLessonOrder(current: readonly string[], requested: readonly string[]): string | null {
  if (new Set(requested).size !== requested.length) return "A lesson is listed twice.";
  const known = new Set(current);
  const unknown = requested.find((slug) => !known.has(slug));
  if (unknown) return `There is no lesson "${unknown}" in this course.`;
  const missing = current.find((slug) => !requested.includes(slug));
  if (missing) return `The new order leaves out "${missing}".`;
  return null;
}

export function checkNewLessonSlug(slug: string, existing: readonly string[]): string | null {
  if (!SLUG_PATTERN.test(slug)) return "Use lowercase words joined by hyphens, e.g. reward-hacking-basics.";
  if (slug === GLOSSARY_SLUG) return `"${GLOSSARY_SLUG}" is the course's glossary page; choose another slug.`;
  if (existing.includes(slug)) return `This course already has a lesson "${slug}".`;
  return null;
}

/** The text a new studio lesson starts from: valid frontmatter, so the first preview already renders. */
export function newLessonSource(title: string, slug: string): string {
  const quoted = JSON.stringify(title);
  return `---\ntitle: ${quoted}\nslug: ${slug}\nsummary: One or two sentences shown on the syllabus.\nestimatedMinutes: 15\nobjectives:\n  - State what the learner will be able to do.\n---\n\n## Introduction\n\nWrite the lesson here.\n`;
}

/** The same text with the frontmatter title replaced (a rename must survive the next publish). */
export function withFrontmatterTitle(source: string, title: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) return source;
  const body = match[1]!;
  const line = `title: ${JSON.stringify(title)}`;
  const renamed = /^title:.*$/m.test(body) ? body.replace(/^title:.*$/m, () => line) : `${line}\n${body}`;
  return source.slice(0, match.index) + match[0].replace(body, () => renamed) + source.slice(match.index + match[0].length);
}

export type DiffLine = { kind: "added" | "removed" | "same"; text: string };

/** A line diff of two revisions, for the history view. */
export function lineDiff(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap((part) => {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    const lines = part.value.endsWith("\n") ? part.value.slice(0, -1).split("\n") : part.value.split("\n");
    return lines.map((text) => ({ kind, text }));
  });
}

/** Keeps changed lines and `context` lines around them; long unchanged runs become one "…" marker (null). */
export function condenseDiff(lines: readonly DiffLine[], context = 2): Array<DiffLine | null> {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const out: Array<DiffLine | null> = [];
  lines.forEach((line, index) => {
    if (keep[index]) out.push(line);
    else if (out[out.length - 1] !== null) out.push(null);
  });
  return out;
}
