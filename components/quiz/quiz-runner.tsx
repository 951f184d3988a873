"use client";
// A quiz inside a lesson. It holds only the public quiz (stems, labels, opaque ids); grading, the key and
// explanations live on the server and come back in the review, trimmed to what the quiz's policy allows.
// State: quiz-state.ts (a reducer); effects: use-quiz-runner.ts; pieces: QuizItem, QuizSummary, QuizHistory.
import { usePathname, useRouter } from "next/navigation";
import { useMemo } from "react";
import { DECIMAL_PATTERN } from "@/lib/quiz/decimal";
import { orderQuizForAttempt } from "@/lib/quiz/shuffle";
import type { PublicQuiz } from "@/lib/quiz/types";
import { localDraft } from "./quiz-api";
import { QuizHistory } from "./quiz-history";
import { QuizItem } from "./quiz-item";
import { attemptsLeft } from "./quiz-state";
import { QuizSummary } from "./quiz-summary";
import { useQuizRunner } from "./use-quiz-runner";

export function QuizRunner({ quiz: pageQuiz, courseSlug, lessonSlug }: { quiz: PublicQuiz; courseSlug: string; lessonSlug: string }) {
  const pathname = usePathname();
  const router = useRouter();
  const lesson = useMemo(() => ({ courseSlug, lessonSlug }), [courseSlug, lessonSlug]);
  const { state, dispatch, submit, select } = useQuizRunner(pageQuiz, lesson);
  const { quiz, phase, review, responses } = state;
  const left = attemptsLeft(state);
  const attemptNumber = phase === "reviewing" ? state.attemptsUsed : state.attemptsUsed + 1;
  // The learner's own order, seeded per learner and attempt: the page ships choices sorted by id for everyone.
  const ordered = useMemo(() => orderQuizForAttempt(quiz, { quizVersion: quiz.version, userId: state.userId, attemptNumber: Math.max(1, attemptNumber) }), [quiz, state.userId, attemptNumber]);
  const answered = quiz.items.filter((item) => (responses[item.id]?.length ?? 0) > 0).length;
  const canRetry = phase === "reviewing" && (left === null || left > 0);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const unreadable = ordered.items.findIndex((item) => item.kind === "numeric" && (responses[item.id]?.length ?? 0) > 0 && !DECIMAL_PATTERN.test(responses[item.id]![0]!));
    if (unreadable >= 0) return dispatch({ type: "failed", error: `Question ${unreadable + 1}: write the number with a point, such as 0.25 or 2.5e-3.` });
    if (!state.signedIn) {
      localDraft.write(quiz.id, quiz.version, responses);
      router.push(`/signin?callbackUrl=${encodeURIComponent(`${pathname}#quiz-${quiz.id}`)}`);
      return;
    }
    void submit(responses);
  }

  return (
    <section
      id={`quiz-${quiz.id}`}
      aria-labelledby={`quiz-${quiz.id}-title`}
      data-testid={`quiz-${quiz.id}`}
      data-phase={phase}
      data-version={quiz.version}
      className="not-prose my-10 space-y-4 rounded-xl border border-zinc-300 p-5 dark:border-zinc-700"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`quiz-${quiz.id}-title`} className="text-xl font-semibold">
          {quiz.title}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {quiz.items.length} questions · pass mark {Math.round(quiz.policy.passMark * 100)}% ·{" "}
          {left === null ? "unlimited attempts" : `${left} of ${quiz.policy.maxAttempts} attempts left`}
        </p>
      </header>
      <form onSubmit={onSubmit} className="space-y-4">
        {ordered.items.map((item, index) => (
          <QuizItem
            key={item.id}
            quizId={quiz.id}
            item={item}
            index={index}
            selected={responses[item.id] ?? []}
            onChange={(choiceIds) => select(item.id, choiceIds)}
            review={phase === "reviewing" ? (review?.items.find((entry) => entry.itemId === item.id) ?? null) : null}
            disabled={phase !== "answering"}
          />
        ))}
        <div className="flex flex-wrap items-center gap-3">
          {phase !== "reviewing" && (
            <button
              type="submit"
              disabled={phase !== "answering" || (left !== null && left <= 0)}
              className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            >
              {phase === "submitting" ? "Submitting…" : state.signedIn ? "Submit answers" : "Sign in to submit"}
            </button>
          )}
          {canRetry && (
            <button type="button" onClick={() => dispatch({ type: "retry" })} className="rounded-md border border-zinc-400 px-4 py-2 font-medium dark:border-zinc-500">
              Try again
            </button>
          )}
          {phase === "answering" && (
            <span className="text-sm text-zinc-600 dark:text-zinc-400">
              {answered} of {quiz.items.length} answered
            </span>
          )}
        </div>
      </form>
      {phase === "reviewing" && review && <QuizSummary quiz={quiz} review={review} />}
      <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="quiz-status">
        {state.message}
      </p>
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
      <QuizHistory attempts={state.attempts} />
    </section>
  );
}
