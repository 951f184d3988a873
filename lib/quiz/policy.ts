// Quiz policies as pure functions: attempts left, the grade across attempts, pass/complete,
// and what a learner may see after submitting. The review object built here is the only thing
// that carries answer-key material to the browser, and only as far as the policy allows.

import { meetsPassMark, type GradedAttempt } from "./grade";
import type { GradingMethod, NumericKey, QuizDefinition, QuizItemDefinition, QuizItemKind, QuizPolicy, ShowAnswersPolicy } from "./types";

export const DEFAULT_QUIZ_TITLE = "Check your understanding";

/**
 * The course default, documented in docs/authoring.md:
 * - maxAttempts: 3;
 * - showAnswers: "after-last-attempt", the right answer shows once no attempt is left;
 * - review: whether correct and marks after every submit; specific feedback after every submit (but see
 *   reviewFor: on multiple-answer and true/false items it waits for the right answer); the explanation with
 *   the right answer (an explanation usually states the answer);
 * - grading: "highest", the best attempt counts (Moodle's default);
 * - shuffle: true, choices in a fresh order per learner and attempt (true/false keeps its order);
 * - passMark: 0.7 of the maximum score.
 */
export const DEFAULT_QUIZ_POLICY: QuizPolicy = {
  maxAttempts: 3,
  showAnswers: "after-last-attempt",
  review: { correctness: "after-submit", marks: "after-submit", specificFeedback: "after-submit", generalFeedback: "after-last-attempt" },
  grading: "highest",
  shuffle: true,
  passMark: 0.7,
};

/**
 * The review options an author did not set, given when the right answer shows: explanations usually state
 * the answer, so they follow it; specific feedback shows after each submit (within itemDisclosure's rules)
 * unless the answer never shows.
 */
export function defaultReviewOptions(showAnswers: ShowAnswersPolicy): QuizPolicy["review"] {
  return { correctness: "after-submit", marks: "after-submit", specificFeedback: showAnswers === "never" ? "never" : "after-submit", generalFeedback: showAnswers };
}

/** The part of a stored attempt the policy needs. A GradedAttempt plus its attempt number fits. */
export type AttemptRecord = {
  /** 1-based, in the order the learner submitted. */
  attemptNumber: number;
  /** score / maxScore of that attempt, 0..1. */
  fraction: number;
  items: ReadonlyArray<{ itemId: string; correct: boolean }>;
};

/** Attempts still allowed; null means unlimited. Never negative. */
export function attemptsLeft(policy: QuizPolicy, attemptCount: number): number | null {
  if (policy.maxAttempts === null) return null;
  return Math.max(0, policy.maxAttempts - attemptCount);
}

export function canAttempt(policy: QuizPolicy, attemptCount: number): boolean {
  const left = attemptsLeft(policy, attemptCount);
  return left === null || left > 0;
}

function inSubmissionOrder<T extends { attemptNumber: number }>(attempts: readonly T[]): T[] {
  return [...attempts].sort((a, b) => a.attemptNumber - b.attemptNumber);
}

/**
 * The grade across attempts as a fraction 0..1, or null before any attempt.
 * Fractions rather than raw scores, so attempts graded against different quiz versions compare fairly.
 */
export function aggregateScore(
  grading: GradingMethod,
  attempts: ReadonlyArray<Pick<AttemptRecord, "attemptNumber" | "fraction">>,
): number | null {
  if (attempts.length === 0) return null;
  const ordered = inSubmissionOrder(attempts);
  switch (grading) {
    case "highest":
      return Math.max(...ordered.map((attempt) => attempt.fraction));
    case "first":
      return ordered[0]!.fraction;
    case "last":
      return ordered[ordered.length - 1]!.fraction;
    case "average":
      return ordered.reduce((sum, attempt) => sum + attempt.fraction, 0) / ordered.length;
  }
}

export type QuizStanding = {
  attemptsUsed: number;
  attemptsLeft: number | null;
  canAttempt: boolean;
  /** aggregateScore per the policy's grading method; null before any attempt. */
  grade: number | null;
  /** The grade reaches the pass mark. */
  passed: boolean;
  /**
   * Passing the quiz completes its lesson. Callers record completion once and never revoke it,
   * even if a later attempt lowers a "last" or "average" grade below the pass mark.
   */
  completesLesson: boolean;
};

/** Where a learner stands on a quiz. Moodle's rule: passed means the grade across attempts reaches the pass mark. */
export function quizStanding(policy: QuizPolicy, attempts: ReadonlyArray<Pick<AttemptRecord, "attemptNumber" | "fraction">>): QuizStanding {
  const attemptsUsed = countAttempts(attempts);
  const grade = aggregateScore(policy.grading, attempts);
  const passed = grade !== null && meetsPassMark(grade, policy.passMark);
  return {
    attemptsUsed,
    attemptsLeft: attemptsLeft(policy, attemptsUsed),
    canAttempt: canAttempt(policy, attemptsUsed),
    grade,
    passed,
    completesLesson: passed,
  };
}

/** The highest attempt number seen, or the count if that is larger, so gaps never hand out extra attempts. */
function countAttempts(attempts: ReadonlyArray<Pick<AttemptRecord, "attemptNumber">>): number {
  return attempts.reduce((most, attempt) => Math.max(most, attempt.attemptNumber), attempts.length);
}

export type ItemReview = {
  itemId: string;
  kind: QuizItemKind;
  selectedChoiceIds: string[];
  /** 0..1; null while the policy hides marks. */
  score: number | null;
  /** Full marks on this item; null while the policy hides whether it was correct. */
  correct: boolean | null;
  /** Specific feedback on the picked choices that have any, as far as the policy allows (see reviewFor). */
  feedback: Array<{ choiceId: string; html: string }>;
  /** Whether the policy lets this item's right answer show now. */
  answerShown: boolean;
  correctChoiceIds: string[] | null;
  /** The item's explanation (general feedback), when the policy allows. */
  explanation: string | null;
  /** Numeric items: what the learner typed. */
  response?: string;
  /** Numeric items: the right answer as the author set it ("0.7 ± 0.005"), when the right answer may show. */
  numericAnswer?: string | null;
};

export type QuizReview = {
  quizId: string;
  quizVersion: string;
  /** Null while the policy hides marks. */
  score: number | null;
  maxScore: number;
  fraction: number | null;
  /** This attempt reached the pass mark. See `standing.passed` for the grade across attempts. */
  passed: boolean;
  standing: QuizStanding;
  answersShown: "all" | "some" | "none";
  items: ItemReview[];
};

type StandingForReview = Pick<QuizStanding, "attemptsLeft" | "passed">;

/**
 * Whether a review option timed `when` applies now:
 * - after-submit: always, once something has been submitted;
 * - after-last-attempt: when no attempts are left. With unlimited attempts there is no last attempt,
 *   so it applies once the learner has passed the quiz (otherwise it never would);
 * - after-correct: per item, once that item has been answered fully correctly in some attempt;
 * - never: never.
 */
export function reviewApplies(when: ShowAnswersPolicy, policy: Pick<QuizPolicy, "maxAttempts">, standing: StandingForReview, itemAnsweredCorrectly: boolean): boolean {
  switch (when) {
    case "after-submit":
      return true;
    case "after-last-attempt":
      return policy.maxAttempts === null ? standing.passed : standing.attemptsLeft === 0;
    case "after-correct":
      return itemAnsweredCorrectly;
    case "never":
      return false;
  }
}

/** What the review may say about one item right now. */
export type ItemDisclosure = { correctness: boolean; marks: boolean; specificFeedback: boolean; rightAnswer: boolean; generalFeedback: boolean };

/**
 * The review options of one item, with the rules that keep them from giving the key away early:
 * - specific feedback on a multiple-answer or true/false item waits for the right answer: feedback attached
 *   to the picked choices tells which of them are right (select everything, read which ones get a "No…");
 * - specific feedback on a single-answer item needs whether-correct too: it describes one picked choice,
 *   so it may say no more than whether that choice was right.
 */
export function itemDisclosure(policy: QuizPolicy, kind: QuizItemKind, standing: StandingForReview, itemAnsweredCorrectly: boolean): ItemDisclosure {
  const applies = (when: ShowAnswersPolicy) => reviewApplies(when, policy, standing, itemAnsweredCorrectly);
  const rightAnswer = applies(policy.showAnswers);
  const correctness = applies(policy.review.correctness);
  const feedbackTime = applies(policy.review.specificFeedback);
  return {
    correctness,
    marks: applies(policy.review.marks),
    rightAnswer,
    generalFeedback: applies(policy.review.generalFeedback),
    // A numeric item's feedback describes the one answer given, like a single-answer item's.
    specificFeedback: feedbackTime && (kind === "single" || kind === "numeric" ? correctness || rightAnswer : rightAnswer),
  };
}

/** How the right answer of a numeric item reads: "0.7 ± 0.005 s" or "120 ± 5%". */
function describeNumericAnswer(key: NumericKey, units: string | undefined): string {
  const spread = key.tolerance.kind === "absolute" ? key.tolerance.value : `${Number(key.tolerance.value) * 100}%`;
  const exact = key.tolerance.kind === "absolute" && Number(key.tolerance.value) === 0;
  return `${key.answer}${exact ? "" : ` ± ${spread}`}${units ? ` ${units}` : ""}`;
}

/** A numeric item's review: its feedback follows the single-answer rule (it describes the one answer given). */
function numericReview(item: QuizItemDefinition, graded: GradedAttempt["items"][number] | undefined, show: ItemDisclosure): ItemReview {
  const correct = graded?.correct ?? false;
  const html = correct ? item.numericKey?.feedbackCorrectHtml : item.numericKey?.feedbackIncorrectHtml;
  return {
    itemId: item.id,
    kind: item.kind,
    selectedChoiceIds: [],
    ...(graded?.response === undefined ? {} : { response: graded.response }),
    score: show.marks ? (graded?.score ?? 0) : null,
    correct: show.correctness ? correct : null,
    feedback: show.specificFeedback && graded?.answered && html ? [{ choiceId: correct ? "correct" : "incorrect", html }] : [],
    answerShown: show.rightAnswer,
    correctChoiceIds: null,
    numericAnswer: show.rightAnswer && item.numericKey ? describeNumericAnswer(item.numericKey, item.units) : null,
    explanation: show.generalFeedback ? item.explanationHtml : null,
  };
}

/**
 * Builds what the learner may see after submitting `latestGrade`, graded against `definition`. `policy` decides
 * what shows; pass the current version's when the attempt answered an older one.
 * `attempts` are all of this learner's attempts at this quiz, including the one just graded.
 * (Leaving it out only errs on the safe side: answers then stay hidden one attempt longer.)
 * @throws Error when latestGrade was graded against a different quiz or version than `definition`.
 */
export function reviewFor(definition: QuizDefinition, attempts: readonly AttemptRecord[], latestGrade: GradedAttempt, policy: QuizPolicy = definition.policy): QuizReview {
  if (latestGrade.quizId !== definition.id || latestGrade.quizVersion !== definition.version) {
    throw new Error(`reviewFor: grade of ${latestGrade.quizId}@${latestGrade.quizVersion} does not match ${definition.id}@${definition.version}`);
  }
  const standing = quizStanding(policy, attempts);
  const everCorrect = new Set<string>();
  for (const attempt of [...attempts, latestGrade]) {
    for (const item of attempt.items) if (item.correct) everCorrect.add(item.itemId);
  }
  const gradedById = new Map(latestGrade.items.map((item) => [item.itemId, item]));

  const items = definition.items.map((item): ItemReview => {
    const graded = gradedById.get(item.id);
    const selectedChoiceIds = graded?.selectedChoiceIds ?? [];
    const show = itemDisclosure(policy, item.kind, standing, everCorrect.has(item.id));
    if (item.kind === "numeric") return numericReview(item, graded, show);
    const feedback = show.specificFeedback
      ? item.choices.flatMap((choice) => (selectedChoiceIds.includes(choice.id) && choice.feedbackHtml ? [{ choiceId: choice.id, html: choice.feedbackHtml }] : []))
      : [];
    return {
      itemId: item.id,
      kind: item.kind,
      selectedChoiceIds,
      score: show.marks ? (graded?.score ?? 0) : null,
      correct: show.correctness ? (graded?.correct ?? false) : null,
      feedback,
      answerShown: show.rightAnswer,
      correctChoiceIds: show.rightAnswer ? item.choices.filter((choice) => choice.correct).map((choice) => choice.id) : null,
      explanation: show.generalFeedback ? item.explanationHtml : null,
    };
  });

  const marks = reviewApplies(policy.review.marks, policy, standing, false);
  const shownCount = items.filter((item) => item.answerShown).length;
  return {
    quizId: definition.id,
    quizVersion: definition.version,
    score: marks ? latestGrade.score : null,
    maxScore: latestGrade.maxScore,
    fraction: marks ? latestGrade.fraction : null,
    passed: latestGrade.passed,
    standing: marks ? standing : { ...standing, grade: null },
    answersShown: shownCount === 0 ? "none" : shownCount === items.length ? "all" : "some",
    items,
  };
}
