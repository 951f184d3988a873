// Grading: a pure function from the server-side definition and a learner's responses to a graded attempt.
// It never trusts the responses: anything that does not fit the definition is a ResponseValidationError,
// so a route can answer 400 and name the offending field instead of silently scoring garbage.

import { parseDecimal, withinTolerance } from "./decimal";
import type { QuizDefinition, QuizItemDefinition, QuizItemKind, QuizResponses } from "./types";

export type GradedItem = {
  itemId: string;
  kind: QuizItemKind;
  /** The selected choice ids, in the definition's order (so storage does not depend on a shuffle). Empty for numeric items. */
  selectedChoiceIds: string[];
  /** Numeric items: the number as the learner typed it. */
  response?: string;
  /** 0..1; every item is worth 1 point. */
  score: number;
  maxScore: 1;
  /** Full marks on this item. */
  correct: boolean;
  answered: boolean;
};

export type GradedAttempt = {
  quizId: string;
  quizVersion: string;
  items: GradedItem[];
  score: number;
  maxScore: number;
  /** score / maxScore, 0..1 (0 for a quiz without items). */
  fraction: number;
  passed: boolean;
};

type ResponseIssueCode =
  | "unknown-item"
  | "unknown-choice"
  | "duplicate-choice"
  | "too-many-choices"
  | "invalid-number"
  | "invalid-response";

export type ResponseIssue = {
  code: ResponseIssueCode;
  /** A dotted path into the submit payload, e.g. `responses.goodhart-variant`. */
  field: string;
  itemId: string;
  choiceId?: string;
  message: string;
};

/** Thrown by gradeAttempt when the responses do not fit the definition; carries every issue found. */
export class ResponseValidationError extends Error {
  readonly issues: ResponseIssue[];
  constructor(issues: ResponseIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "));
    this.name = "ResponseValidationError";
    this.issues = issues;
  }
}

export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return error instanceof ResponseValidationError;
}

/**
 * Floating-point slack for the pass mark, so that e.g. three thirds of a point
 * counted as 0.6999999999 do not fail a 0.7 pass mark.
 */
const PASS_EPSILON = 1e-9;

function responseField(itemId: string): string {
  return `responses.${itemId}`;
}

/**
 * Checks responses against a definition without grading them. Also suitable for
 * draft (in-progress) selections, which are partial by nature: missing items are fine.
 */
export function validateResponses(definition: QuizDefinition, responses: QuizResponses, options: { draft?: boolean } = {}): ResponseIssue[] {
  const itemsById = new Map(definition.items.map((item) => [item.id, item]));
  const issues: ResponseIssue[] = [];
  // Object.keys skips inherited keys, so "constructor" or "__proto__" can only match a real item id.
  for (const itemId of Object.keys(responses)) {
    const field = responseField(itemId);
    const item = itemsById.get(itemId);
    if (!item) {
      issues.push({ code: "unknown-item", field, itemId, message: `no item "${itemId}" in this quiz` });
      continue;
    }
    const selected: unknown = responses[itemId];
    if (!Array.isArray(selected) || selected.some((choiceId) => typeof choiceId !== "string")) {
      issues.push({ code: "invalid-response", field, itemId, message: "expected a list of choice ids" });
      continue;
    }
    issues.push(...(item.kind === "numeric" ? validateNumber(item, selected as string[], field, options.draft ?? false) : validateItemSelection(item, selected as string[], field)));
  }
  return issues;
}

/** A numeric item takes one decimal; a draft may hold one being typed ("0.", "-"), so only its length counts there. */
function validateNumber(item: QuizItemDefinition, entries: string[], field: string, draft: boolean): ResponseIssue[] {
  if (entries.length > 1) return [{ code: "too-many-choices", field, itemId: item.id, message: `item "${item.id}" takes one number, got ${entries.length}` }];
  const [text] = entries;
  if (text === undefined || draft) return [];
  const parsed = parseDecimal(text);
  return parsed.ok ? [] : [{ code: "invalid-number", field, itemId: item.id, message: `"${text.slice(0, 40)}" ${parsed.reason}` }];
}

function validateItemSelection(item: QuizItemDefinition, selected: string[], field: string): ResponseIssue[] {
  const issues: ResponseIssue[] = [];
  const choiceIds = new Set(item.choices.map((choice) => choice.id));
  const seen = new Set<string>();
  for (const choiceId of selected) {
    if (!choiceIds.has(choiceId)) {
      issues.push({ code: "unknown-choice", field, itemId: item.id, choiceId, message: `no choice "${choiceId}" in item "${item.id}"` });
    } else if (seen.has(choiceId)) {
      issues.push({ code: "duplicate-choice", field, itemId: item.id, choiceId, message: `choice "${choiceId}" selected twice` });
    }
    seen.add(choiceId);
  }
  if (item.kind !== "multiple" && selected.length > 1) {
    issues.push({ code: "too-many-choices", field, itemId: item.id, message: `item "${item.id}" takes one choice, got ${selected.length}` });
  }
  return issues;
}

/**
 * Scores one item. Single-answer and true/false items score 1 or 0. A multiple-answer item with k correct and
 * w wrong options earns +1/k for each correct option selected and loses 1/w for each wrong one, clamped at 0:
 * selecting everything (or nothing) scores exactly 0, so guessing wide earns nothing.
 */
export function scoreItem(item: QuizItemDefinition, selectedChoiceIds: readonly string[]): number {
  if (item.kind === "numeric") return scoreNumber(item, selectedChoiceIds[0]);
  const selected = new Set(selectedChoiceIds);
  const correctChoices = item.choices.filter((choice) => choice.correct);
  if (item.kind !== "multiple") {
    const [only] = selectedChoiceIds;
    return selected.size === 1 && only !== undefined && correctChoices.some((choice) => choice.id === only) ? 1 : 0;
  }
  const k = correctChoices.length;
  const w = item.choices.length - k;
  if (k === 0) return 0; // extraction rejects this; never divide by zero
  let correctSelected = 0;
  let wrongSelected = 0;
  for (const choice of item.choices) {
    if (!selected.has(choice.id)) continue;
    if (choice.correct) correctSelected++;
    else wrongSelected++;
  }
  // Divisions of whole counts: all correct gives exactly 1, everything selected exactly 1 − 1 = 0.
  const earned = correctSelected / k - (w === 0 ? 0 : wrongSelected / w);
  return Math.min(1, Math.max(0, earned));
}

/** 1 when the typed number lies within the tolerance of the answer, edges included (exact decimals), else 0. */
function scoreNumber(item: QuizItemDefinition, text: string | undefined): number {
  const key = item.numericKey;
  if (!key || text === undefined) return 0;
  const parsed = parseDecimal(text);
  return parsed.ok && withinTolerance(parsed.value, key.answer, key.tolerance) ? 1 : 0;
}

function gradeItem(item: QuizItemDefinition, selectedChoiceIds: readonly string[]): GradedItem {
  if (item.kind === "numeric") {
    const response = selectedChoiceIds[0];
    const score = scoreNumber(item, response);
    return { itemId: item.id, kind: item.kind, selectedChoiceIds: [], ...(response === undefined ? {} : { response }), score, maxScore: 1, correct: score === 1, answered: response !== undefined };
  }
  const selected = new Set(selectedChoiceIds);
  const inDefinitionOrder = item.choices.filter((choice) => selected.has(choice.id)).map((choice) => choice.id);
  const score = scoreItem(item, inDefinitionOrder);
  return {
    itemId: item.id,
    kind: item.kind,
    selectedChoiceIds: inDefinitionOrder,
    score,
    maxScore: 1,
    correct: score === 1,
    answered: inDefinitionOrder.length > 0,
  };
}

/** Whether a fraction of the maximum score reaches the pass mark, with floating-point slack. */
export function meetsPassMark(fraction: number, passMark: number): boolean {
  return fraction + PASS_EPSILON >= passMark;
}

/**
 * Grades a submission. Items left out of `responses` (or answered with []) are unanswered and score 0.
 * @throws ResponseValidationError when a response names an unknown item or choice, repeats a choice,
 *   or selects more than one choice on a single-answer or true/false item.
 */
export function gradeAttempt(definition: QuizDefinition, responses: QuizResponses): GradedAttempt {
  const issues = validateResponses(definition, responses);
  if (issues.length > 0) throw new ResponseValidationError(issues);
  const items = definition.items.map((item) =>
    gradeItem(item, Object.hasOwn(responses, item.id) ? (responses[item.id] ?? []) : []),
  );
  const score = items.reduce((sum, item) => sum + item.score, 0);
  const maxScore = items.length;
  const fraction = maxScore === 0 ? 0 : score / maxScore;
  return {
    quizId: definition.id,
    quizVersion: definition.version,
    items,
    score,
    maxScore,
    fraction,
    passed: maxScore > 0 && meetsPassMark(fraction, definition.policy.passMark),
  };
}

export type GradeResult = { ok: true; attempt: GradedAttempt } | { ok: false; issues: ResponseIssue[] };

/** gradeAttempt without the throw, for callers that prefer a result value. */
export function safeGradeAttempt(definition: QuizDefinition, responses: QuizResponses): GradeResult {
  const issues = validateResponses(definition, responses);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, attempt: gradeAttempt(definition, responses) };
}
