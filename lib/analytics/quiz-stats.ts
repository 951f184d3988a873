// Item statistics for one quiz, as in Moodle's quiz statistics report:
// facility index (mean score / max score), discrimination index (the Pearson correlation between
// the item's score and the score on the rest of the quiz), and how often each choice was picked.
// Plain data in, plain data out: the caller loads the attempts.

import { canonicalDecimal, parseDecimal, withinTolerance } from "@/lib/quiz/decimal";
import type { QuizDefinition, QuizItemDefinition, QuizItemKind } from "@/lib/quiz/types";

/** `response`: what was typed into a numeric item. */
type ItemResultForStats = { itemId: string; score: number; selectedChoiceIds: readonly string[]; response?: string };

/** How often each value was given to a numeric item (the same number however it was written), most frequent first. */
export type AnswerStats = { value: string; count: number; correct: boolean; frequency: number };

/** At most this many distinct values are listed; the rest are counted in `otherAnswers`. */
const MAX_LISTED_ANSWERS = 12;

/** One stored attempt. Scores are per item, each item worth 1 (see lib/quiz/grade.ts). */
export type AttemptForStats = {
  userId: string;
  /** 1-based, in the order this learner submitted. */
  attemptNumber: number;
  items: readonly ItemResultForStats[];
  submittedAt?: Date | string;
};

export type StatsBasis = "first" | "all";

type ChoiceStats = {
  choiceId: string;
  correct: boolean;
  picks: number;
  /** picks / attempts that include the item; null when none do. */
  frequency: number | null;
};

type ItemStats = {
  itemId: string;
  kind: QuizItemKind;
  /** Analysed attempts that include this item. */
  attempts: number;
  meanScore: number | null;
  /** mean score / max score (1), 0..1; null without attempts. */
  facilityIndex: number | null;
  /** −1..1 (Moodle shows it ×100); null with fewer than 2 attempts or when either score never varies. */
  discriminationIndex: number | null;
  /** A negative discrimination: learners who did well on the rest of the quiz tended to get this item wrong. */
  negativeDiscrimination: boolean;
  choices: ChoiceStats[];
  /** Numeric items: the distribution of answers, instead of choice frequencies. */
  answers?: AnswerStats[];
  /** Numeric items: analysed attempts whose answer is not among `answers`. */
  otherAnswers?: number;
};

export type QuizStats = {
  quizId: string;
  quizVersion: string;
  basis: StatsBasis;
  /** Every attempt passed in, whatever the basis. */
  attemptCount: number;
  learnerCount: number;
  /** Attempts the item statistics are computed from (first attempts by default). */
  analysedAttemptCount: number;
  /** Mean of score / number of items over the analysed attempts; null without attempts. */
  meanFraction: number | null;
  items: ItemStats[];
  flaggedItemIds: string[];
};

/** Each learner's earliest attempt. */
export function firstAttempts<T extends Pick<AttemptForStats, "userId" | "attemptNumber">>(attempts: readonly T[]): T[] {
  const earliest = new Map<string, T>();
  for (const attempt of attempts) {
    const seen = earliest.get(attempt.userId);
    if (!seen || attempt.attemptNumber < seen.attemptNumber) earliest.set(attempt.userId, attempt);
  }
  return [...earliest.values()];
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Pearson's r; null when undefined (fewer than two pairs, or a constant series). */
export function pearsonCorrelation(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error("pearsonCorrelation: series of different lengths");
  if (xs.length < 2) return null;
  const meanX = mean(xs)!;
  const meanY = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - meanX;
    const dy = ys[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  // Relative tolerance: a series like [0.1, 0.1] can leave ~1e-33 of rounding instead of 0.
  const tiny = 1e-12;
  if (sxx <= tiny * Math.max(1, meanX * meanX) || syy <= tiny * Math.max(1, meanY * meanY)) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function answerDistribution(item: QuizItemDefinition, responses: readonly string[]): { answers: AnswerStats[]; otherAnswers: number } {
  const counts = new Map<string, { count: number; correct: boolean }>();
  for (const response of responses) {
    const parsed = parseDecimal(response);
    const value = parsed.ok ? canonicalDecimal(parsed.value) : response;
    const correct = parsed.ok && item.numericKey !== undefined && withinTolerance(parsed.value, item.numericKey.answer, item.numericKey.tolerance);
    const entry = counts.get(value) ?? { count: 0, correct };
    counts.set(value, { ...entry, count: entry.count + 1 });
  }
  const ranked = [...counts].sort((a, b) => b[1].count - a[1].count || Number(a[0]) - Number(b[0]));
  const answers = ranked.slice(0, MAX_LISTED_ANSWERS).map(([value, { count, correct }]) => ({ value, count, correct, frequency: responses.length === 0 ? 0 : count / responses.length }));
  return { answers, otherAnswers: ranked.slice(MAX_LISTED_ANSWERS).reduce((sum, [, { count }]) => sum + count, 0) };
}

function attemptTotal(attempt: AttemptForStats): number {
  return attempt.items.reduce((sum, item) => sum + item.score, 0);
}

/**
 * Statistics for a quiz from its attempts. An attempt that does not list an item (it was graded
 * against a version without that item) is left out of that item's figures. Choice ids that the
 * definition does not know are ignored.
 */
export function computeQuizStats(
  definition: QuizDefinition,
  attempts: readonly AttemptForStats[],
  options: { basis?: StatsBasis } = {},
): QuizStats {
  const basis = options.basis ?? "first";
  const analysed = basis === "first" ? firstAttempts(attempts) : [...attempts];
  const totals = analysed.map(attemptTotal);

  const items = definition.items.map((item): ItemStats => {
    const itemScores: number[] = [];
    const restScores: number[] = [];
    const picks = new Map(item.choices.map((choice) => [choice.id, 0]));
    const responses: string[] = [];
    analysed.forEach((attempt, i) => {
      const result = attempt.items.find((entry) => entry.itemId === item.id);
      if (!result) return;
      itemScores.push(result.score);
      if (result.response !== undefined) responses.push(result.response);
      restScores.push(totals[i]! - result.score);
      for (const choiceId of new Set(result.selectedChoiceIds)) {
        const count = picks.get(choiceId);
        if (count !== undefined) picks.set(choiceId, count + 1);
      }
    });
    const n = itemScores.length;
    const meanScore = mean(itemScores);
    const discriminationIndex = pearsonCorrelation(itemScores, restScores);
    return {
      itemId: item.id,
      kind: item.kind,
      attempts: n,
      meanScore,
      facilityIndex: meanScore, // max score per item is 1
      discriminationIndex,
      negativeDiscrimination: discriminationIndex !== null && discriminationIndex < 0,
      choices: item.choices.map((choice) => {
        const count = picks.get(choice.id) ?? 0;
        return { choiceId: choice.id, correct: choice.correct, picks: count, frequency: n === 0 ? null : count / n };
      }),
      ...(item.kind === "numeric" ? answerDistribution(item, responses) : {}),
    };
  });

  const fractions = analysed.flatMap((attempt, i) => (attempt.items.length === 0 ? [] : [totals[i]! / attempt.items.length]));
  return {
    quizId: definition.id,
    quizVersion: definition.version,
    basis,
    attemptCount: attempts.length,
    learnerCount: new Set(attempts.map((attempt) => attempt.userId)).size,
    analysedAttemptCount: analysed.length,
    meanFraction: mean(fractions),
    items,
    flaggedItemIds: items.filter((item) => item.negativeDiscrimination).map((item) => item.itemId),
  };
}
