"use client";
import type { ItemReview } from "@/lib/quiz/policy";
import type { PublicQuizItem } from "@/lib/quiz/types";
import { NumericAnswer } from "./numeric-answer";

type Props = {
  quizId: string;
  item: PublicQuizItem;
  index: number;
  selected: string[];
  onChange: (choiceIds: string[]) => void;
  review: ItemReview | null;
  disabled: boolean;
};

// A native fieldset of radios or checkboxes: keyboard and screen-reader behaviour come from the browser.
export function QuizItem({ quizId, item, index, selected, onChange, review, disabled }: Props) {
  const multiple = item.kind === "multiple";
  const name = `${quizId}-${item.id}`;
  const legendId = `${name}-legend`;

  function toggle(choiceId: string, checked: boolean) {
    if (!multiple) return onChange([choiceId]);
    onChange(checked ? [...selected, choiceId] : selected.filter((id) => id !== choiceId));
  }

  const status = review && review.correct !== null ? (review.correct ? "correct" : (review.score ?? 0) > 0 ? "partly correct" : "incorrect") : null;

  return (
    <fieldset
      data-testid={`quiz-item-${item.id}`}
      data-result={status ?? undefined}
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-700"
      aria-describedby={review ? `${name}-result` : undefined}
    >
      <legend id={legendId} className="float-left mb-2 w-full font-medium">
        <span className="mr-1 text-zinc-500 dark:text-zinc-400">{index + 1}.</span>
        <span className="[&>p]:inline" dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
        {multiple && !/all that apply/i.test(item.promptHtml) && <span className="ml-1 text-sm font-normal text-zinc-600 dark:text-zinc-400">(select all that apply)</span>}
      </legend>
      <div className="clear-both space-y-1">
        {item.kind === "numeric" && (
          <NumericAnswer
            inputId={`${name}-input`}
            labelledBy={legendId}
            item={item}
            value={selected[0] ?? ""}
            onChange={(value) => onChange(value ? [value] : [])}
            review={review}
            disabled={disabled}
          />
        )}
        {item.kind === "numeric" &&
          review?.feedback.map((entry) => (
            <div key={entry.choiceId} className="ml-2 border-l-2 border-zinc-300 pl-3 text-sm text-zinc-700 dark:border-zinc-600 dark:text-zinc-300" dangerouslySetInnerHTML={{ __html: entry.html }} />
          ))}
        {item.choices.map((choice) => {
          const inputId = `${name}-${choice.id}`;
          const isSelected = selected.includes(choice.id);
          const isCorrect = review?.correctChoiceIds?.includes(choice.id) ?? false;
          const feedback = review?.feedback.find((entry) => entry.choiceId === choice.id);
          return (
            <div key={choice.id}>
              <label
                htmlFor={inputId}
                className={`flex cursor-pointer items-start gap-3 rounded-md px-2 py-1.5 hover:bg-zinc-50 dark:hover:bg-zinc-900 ${
                  isCorrect ? "ring-2 ring-green-600/60" : ""
                }`}
              >
                <input
                  id={inputId}
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={choice.id}
                  checked={isSelected}
                  disabled={disabled}
                  onChange={(event) => toggle(choice.id, event.target.checked)}
                  className="mt-1 size-4 shrink-0 accent-accent-600"
                />
                <span className="[&>p]:m-0" dangerouslySetInnerHTML={{ __html: choice.labelHtml }} />
                {isCorrect && <span className="ml-auto shrink-0 text-sm font-medium text-green-800 dark:text-green-400">Correct answer</span>}
              </label>
              {feedback && (
                <div
                  className="ml-9 border-l-2 border-zinc-300 pl-3 text-sm text-zinc-700 dark:border-zinc-600 dark:text-zinc-300"
                  dangerouslySetInnerHTML={{ __html: feedback.html }}
                />
              )}
            </div>
          );
        })}
      </div>
      {review && (
        <div id={`${name}-result`} className="mt-3 space-y-2 text-sm">
          {status && (
            <p className={review.correct ? "font-medium text-green-800 dark:text-green-400" : "font-medium text-red-800 dark:text-red-400"}>
              {review.correct ? "Correct." : status === "partly correct" ? `Partly correct${review.score === null ? "" : ` (${Math.round(review.score * 100)}%)`}.` : "Incorrect."}
            </p>
          )}
          {review.explanation && (
            <div className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900" data-testid="quiz-explanation">
              <span className="font-medium">Explanation. </span>
              <span className="[&>p]:inline" dangerouslySetInnerHTML={{ __html: review.explanation }} />
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
