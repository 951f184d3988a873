"use client";
// The input of a numeric item: free text (not type="number", whose parsing follows the browser's locale), checked
// with the server's own rule as the learner types, units beside it, and after a submit the answer given and,
// when the policy allows, the right one.
import { DECIMAL_PATTERN } from "@/lib/quiz/decimal";
import type { ItemReview } from "@/lib/quiz/policy";
import type { PublicQuizItem } from "@/lib/quiz/types";

type Props = { inputId: string; labelledBy: string; item: PublicQuizItem; value: string; onChange: (value: string) => void; review: ItemReview | null; disabled: boolean };

export function NumericAnswer({ inputId, labelledBy, item, value, onChange, review, disabled }: Props) {
  const invalid = value !== "" && !DECIMAL_PATTERN.test(value);
  const hintId = `${inputId}-hint`;
  return (
    <div className="space-y-1 px-2">
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          aria-labelledby={labelledBy}
          aria-invalid={invalid}
          aria-describedby={hintId}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value.trim())}
          data-testid={`numeric-${item.id}`}
          className="w-40 rounded-md border border-zinc-400 px-2 py-1 font-mono dark:border-zinc-500 dark:bg-zinc-900"
        />
        {item.units && <span className="text-zinc-700 dark:text-zinc-300">{item.units}</span>}
      </div>
      <p id={hintId} className={`text-sm ${invalid ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
        {invalid ? "Write a number with a point, such as 0.25 or 2.5e-3 (no commas or spaces)." : "A number, such as 0.25 or 2.5e-3."}
      </p>
      {review?.numericAnswer && (
        <p className="text-sm font-medium text-green-800 dark:text-green-400" data-testid="numeric-right-answer">
          Correct answer: {review.numericAnswer}
        </p>
      )}
    </div>
  );
}
