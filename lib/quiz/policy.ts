// Quiz policies as pure functions: attempts left, the grade across attempts, pass/complete,
// and what a learner may see after submitting. The review object built here is the only thing
// that carries answer-key material to the browser, and only as far as the policy allows.

import { meetsPassMark, type GradedAttempt } from "./grade";
import type { GradingMethod, QuizDefinition, QuizItemKind, QuizPolicy } from "./types";

export const DEFAULT_QUIZ_TITLE = "Check your understanding";

/**
 * The defaults documented in docs/authoring.md:
 * - maxAttempts: null, unlimited attempts;
 * - showAnswers: "after-submit", the key and explanations show after every submit;
 * - grading: "highest", the best attempt counts (Moodle's default);
 * - shuffle: false, choices in the author's order;
 * - passMark: 0.7 of the maximum score.
 */
export const DEFAULT_QUIZ_POLICY: QuizPolicy = {
  maxAttempts: null,
  showAnswers: "after-submit",
  grading: "highest",
  shuffle: false,
  passMark: 0.7,
};

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
  score: number;
  correct: boolean;
  /** Feedback on the choices the learner picked (those that have any); empty under showAnswers="never". */
  feedback: Array<{ choiceId: string; html: string }>;
  /** Whether the policy lets this item's key and explanation show now. */
  answerShown: boolean;
  correctChoiceIds: string[] | null;
  explanation: string | null;
};

export type QuizReview = {
  quizId: string;
  quizVersion: string;
  score: number;
  maxScore: number;
  fraction: number;
  /** This attempt reached the pass mark. See `standing.passed` for the grade across attempts. */
  passed: boolean;
  standing: QuizStanding;
  answersShown: "all" | "some" | "none";
  items: ItemReview[];
};

/**
 * Whether the key and explanation of an item may show, per showAnswers:
 * - after-submit: always, once something has been submitted;
 * - after-last-attempt: when no attempts are left. With unlimited attempts there is no last attempt,
 *   so the answers show once the learner has passed the quiz (otherwise they would never show);
 * - after-correct: per item, once that item has been answered fully correctly in some attempt;
 * - never: never.
 */
export function answerVisible(
  policy: QuizPolicy,
  standing: Pick<QuizStanding, "attemptsLeft" | "passed">,
  itemAnsweredCorrectly: boolean,
): boolean {
  switch (policy.showAnswers) {
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

/**
 * Builds what the learner may see after submitting `latestGrade`.
 * `attempts` are all of this learner's attempts at this quiz, including the one just graded.
 * (Leaving it out only errs on the safe side: answers then stay hidden one attempt longer.)
 * @throws Error when latestGrade was graded against a different quiz or version than `definition`.
 */
export function reviewFor(definition: QuizDefinition, attempts: readonly AttemptRecord[], latestGrade: GradedAttempt): QuizReview {
  if (latestGrade.quizId !== definition.id || latestGrade.quizVersion !== definition.version) {
    throw new Error(`reviewFor: grade of ${latestGrade.quizId}@${latestGrade.quizVersion} does not match ${definition.id}@${definition.version}`);
  }
  const policy = definition.policy;
  const standing = quizStanding(policy, attempts);
  const everCorrect = new Set<string>();
  for (const attempt of [...attempts, latestGrade]) {
    for (const item of attempt.items) if (item.correct) everCorrect.add(item.itemId);
  }
  const gradedById = new Map(latestGrade.items.map((item) => [item.itemId, item]));

  const items = definition.items.map((item): ItemReview => {
    const graded = gradedById.get(item.id);
    const selectedChoiceIds = graded?.selectedChoiceIds ?? [];
    const shown = answerVisible(policy, standing, everCorrect.has(item.id));
    const feedback =
      policy.showAnswers === "never"
        ? []
        : item.choices.flatMap((choice) =>
            selectedChoiceIds.includes(choice.id) && choice.feedbackHtml ? [{ choiceId: choice.id, html: choice.feedbackHtml }] : [],
          );
    return {
      itemId: item.id,
      kind: item.kind,
      selectedChoiceIds,
      score: graded?.score ?? 0,
      correct: graded?.correct ?? false,
      feedback,
      answerShown: shown,
      correctChoiceIds: shown ? item.choices.filter((choice) => choice.correct).map((choice) => choice.id) : null,
      explanation: shown ? item.explanationHtml : null,
    };
  });

  const shownCount = items.filter((item) => item.answerShown).length;
  return {
    quizId: definition.id,
    quizVersion: definition.version,
    score: latestGrade.score,
    maxScore: latestGrade.maxScore,
    fraction: latestGrade.fraction,
    passed: latestGrade.passed,
    standing,
    answersShown: shownCount === 0 ? "none" : shownCount === items.length ? "all" : "some",
    items,
  };
}
