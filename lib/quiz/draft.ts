// Restoring saved in-progress selections. A draft may be older than the quiz (an instructor edited it since),
// so instead of rejecting it we keep whatever still fits the current version. Choice ids depend only on a
// choice's text, so every choice that survived the edit keeps its selection. Used by the server (a saved draft
// on load) and by the browser (its selections after a 409 "quiz changed", or a local draft of an older version).

import type { QuizItemKind, QuizResponses } from "./types";

/** The shape both a QuizDefinition and a PublicQuiz have. */
export type QuizShape = { items: ReadonlyArray<{ id: string; kind: QuizItemKind; choices: ReadonlyArray<{ id: string }> }> };

/**
 * The part of a saved draft that still fits the definition: known items only, known choices only,
 * no duplicates, and at most one choice on single-answer and true/false items (the first one kept).
 * Items with nothing left are dropped.
 */
export function restorableDraft(definition: QuizShape, draft: QuizResponses): QuizResponses {
  const restored: QuizResponses = {};
  for (const item of definition.items) {
    if (!Object.hasOwn(draft, item.id)) continue;
    const saved = draft[item.id];
    if (!Array.isArray(saved)) continue;
    if (item.kind === "numeric") {
      const [typed] = saved;
      if (typeof typed === "string" && typed.length > 0 && typed.length <= 100) restored[item.id] = [typed];
      continue;
    }
    const known = new Set(item.choices.map((choice) => choice.id));
    const kept = [...new Set(saved.filter((choiceId) => typeof choiceId === "string" && known.has(choiceId)))];
    const selection = item.kind === "multiple" ? kept : kept.slice(0, 1);
    if (selection.length > 0) restored[item.id] = selection;
  }
  return restored;
}
