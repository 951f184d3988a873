// Seeded choice order per attempt: the same (quiz version, user, attempt number) always gives the same order,
// so a reload shows the choices where they were, and the next attempt shows a fresh order.
// Grading never depends on the order: responses name choices by id.

import { createRandom, seedFromString } from "@/lib/random/seeded";
import type { PublicQuiz, PublicQuizItem } from "./types";

export type ShuffleSeed = {
  quizVersion: string;
  userId: string;
  /** The attempt the learner is on: the number of submitted attempts + 1. */
  attemptNumber: number;
};

export function shuffleSeedString({ quizVersion, userId, attemptNumber }: ShuffleSeed): string {
  // JSON keeps the parts apart, so ("a:b", "c") and ("a", "b:c") cannot collide.
  return JSON.stringify([quizVersion, userId, attemptNumber]);
}

/** A Fisher–Yates shuffle driven by a seed string; returns a new array. */
export function seededShuffle<T>(values: readonly T[], seed: string): T[] {
  const random = createRandom(seedFromString(seed));
  const shuffled = [...values];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

/** One item's choice order. Each item gets its own stream, so adding an item does not reorder the others. */
function shuffleItemChoices(item: PublicQuizItem, seed: ShuffleSeed): PublicQuizItem {
  return { ...item, choices: seededShuffle(item.choices, `${shuffleSeedString(seed)}/${item.id}`) };
}

/**
 * The quiz as this learner sees it on this attempt. Choices are shuffled only when the policy says so,
 * and true/false items keep "True, False" (as in Moodle: shuffling two fixed answers only confuses).
 * Item order is the author's.
 */
export function orderQuizForAttempt(quiz: PublicQuiz, seed: ShuffleSeed): PublicQuiz {
  if (!quiz.policy.shuffle) return quiz;
  return {
    ...quiz,
    items: quiz.items.map((item) => (item.kind === "truefalse" ? item : shuffleItemChoices(item, seed))),
  };
}
