// The answers given to a numeric item, for /studio/analytics: each distinct value (however it was written),
// how often, and whether it was within the tolerance. Used in place of choice frequencies.
import type { AnswerStats } from "@/lib/analytics/quiz-stats";

export function NumericDistribution({ answers, otherAnswers = 0, units }: { answers: readonly AnswerStats[]; otherAnswers?: number; units?: string }) {
  if (answers.length === 0) return <span className="text-zinc-600 dark:text-zinc-400">No answers yet</span>;
  const widest = Math.max(...answers.map((answer) => answer.count));
  return (
    <ul aria-label="Answers given" data-testid="numeric-distribution">
      {answers.map((answer) => (
        <li key={answer.value} className="flex items-center gap-2">
          <span aria-hidden>{answer.correct ? "✓" : "·"}</span>
          <span className="font-mono">
            {answer.value}
            {units ? ` ${units}` : ""}
          </span>
          <span aria-hidden className="block h-2 rounded bg-accent-600" style={{ width: `${Math.max(4, Math.round((answer.count / widest) * 80))}px` }} />
          <span>
            {answer.count} ({Math.round(answer.frequency * 100)}%){answer.correct ? <span className="sr-only"> within tolerance</span> : null}
          </span>
        </li>
      ))}
      {otherAnswers > 0 && <li className="text-zinc-600 dark:text-zinc-400">{otherAnswers} other answers</li>}
    </ul>
  );
}
