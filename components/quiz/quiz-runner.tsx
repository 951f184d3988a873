"use client";
// A quiz inside a lesson. It holds only the public quiz (stems, labels, opaque ids); grading, the key and
// explanations live on the server and come back in the review, trimmed to what the quiz's policy allows.
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QuizReview } from "@/lib/quiz/policy";
import { orderQuizForAttempt } from "@/lib/quiz/shuffle";
import type { PublicQuiz, QuizResponses } from "@/lib/quiz/types";
import {
  type AttemptSummary,
  fetchQuizState,
  localDraft,
  pendingSubmission,
  QuizRequestError,
  saveDraft,
  submitAttempt,
  withRetry,
} from "./quiz-api";
import { formatScore, QuizHistory } from "./quiz-history";
import { QuizItem } from "./quiz-item";

export const LESSON_COMPLETED_EVENT = "af:lesson-completed";

type Phase = "loading" | "answering" | "submitting" | "reviewing";

export function QuizRunner({ quiz, courseSlug, lessonSlug }: { quiz: PublicQuiz; courseSlug: string; lessonSlug: string }) {
  const pathname = usePathname();
  const [phase, setPhase] = useState<Phase>("loading");
  const [signedIn, setSignedIn] = useState(false);
  const [userId, setUserId] = useState("guest");
  const [responses, setResponses] = useState<QuizResponses>({});
  const [review, setReview] = useState<QuizReview | null>(null);
  const [attempts, setAttempts] = useState<AttemptSummary[]>([]);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const attemptsUsed = review?.standing.attemptsUsed ?? attempts.length;
  const attemptsLeft = quiz.policy.maxAttempts === null ? null : Math.max(0, quiz.policy.maxAttempts - attemptsUsed);
  const attemptNumber = phase === "reviewing" ? attemptsUsed : attemptsUsed + 1;
  const ordered = useMemo(
    () => orderQuizForAttempt(quiz, { quizVersion: quiz.version, userId, attemptNumber: Math.max(1, attemptNumber) }),
    [quiz, userId, attemptNumber],
  );

  const submit = useCallback(
    async (chosen: QuizResponses, reuse?: { submissionId: string }) => {
      const submissionId = reuse?.submissionId ?? pendingSubmission.read(quiz.id)?.submissionId ?? crypto.randomUUID();
      pendingSubmission.write(quiz.id, submissionId, chosen);
      setPhase("submitting");
      setError("");
      setMessage("Submitting your answers…");
      try {
        const outcome = await withRetry(
          () => submitAttempt(quiz.id, quiz.version, submissionId, chosen),
          (attempt) => setMessage(`Connection problem; retrying (${attempt})… Your answers are kept.`),
        );
        pendingSubmission.clear(quiz.id);
        localDraft.clear(quiz.id);
        const result = outcome.review;
        setReview(result);
        setAttempts((previous) =>
          previous.some((entry) => entry.attemptNumber === outcome.attemptNumber)
            ? previous
            : [...previous, { attemptNumber: outcome.attemptNumber, score: result.score, maxScore: result.maxScore, passed: result.passed, createdAt: new Date().toISOString() }],
        );
        setPhase("reviewing");
        const left = result.standing.attemptsLeft;
        setMessage(
          `Score ${formatScore(result.score)} of ${result.maxScore}. ${result.passed ? "Passed." : "Not passed yet."}` +
            (left === null ? "" : ` ${left} attempt${left === 1 ? "" : "s"} left.`),
        );
        if (result.standing.completesLesson) {
          window.dispatchEvent(new CustomEvent(LESSON_COMPLETED_EVENT, { detail: { courseSlug, lessonSlug } }));
        }
      } catch (failure) {
        // A refused submission (4xx) will not succeed by retrying the same id; a new try gets a new one.
        if (failure instanceof QuizRequestError && failure.status < 500) pendingSubmission.clear(quiz.id);
        setPhase("answering");
        setMessage("");
        setError(
          failure instanceof QuizRequestError
            ? failure.message
            : "Could not reach the server. Your answers are kept here; submit again when you are back online.",
        );
      }
    },
    [quiz.id, quiz.version, courseSlug, lessonSlug],
  );

  // Load: earlier attempts and saved selections (server when signed in, this browser otherwise).
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const local = localDraft.read(quiz.id);
      const localResponses = local?.version === quiz.version ? local.responses : null;
      try {
        const state = await fetchQuizState(quiz.id);
        if (cancelled) return;
        if (!state.signedIn) {
          if (localResponses) setResponses(localResponses);
          setPhase("answering");
          return;
        }
        setSignedIn(true);
        setUserId(state.userId);
        setAttempts(state.attempts);
        const pending = pendingSubmission.read(quiz.id);
        if (pending) return void submit(pending.responses, pending);
        if (localResponses) {
          // Selections made before signing in win, and move to the server.
          setResponses(localResponses);
          await saveDraft(quiz.id, quiz.version, localResponses).catch(() => undefined);
          localDraft.clear(quiz.id);
          setPhase("answering");
        } else if (state.draft) {
          setResponses(state.draft);
          setPhase("answering");
        } else if (state.latestReview) {
          setReview(state.latestReview);
          setResponses(Object.fromEntries(state.latestReview.items.map((item) => [item.itemId, item.selectedChoiceIds])));
          setPhase("reviewing");
        } else {
          setPhase("answering");
        }
      } catch {
        if (cancelled) return;
        if (localResponses) setResponses(localResponses);
        setPhase("answering");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [quiz.id, quiz.version, submit]);

  function change(itemId: string, choiceIds: string[]) {
    const next = { ...responses, [itemId]: choiceIds };
    setResponses(next);
    setError("");
    localDraft.write(quiz.id, quiz.version, next);
    if (!signedIn) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      saveDraft(quiz.id, quiz.version, next)
        .then(() => localDraft.clear(quiz.id))
        .catch(() => setMessage("Your selections are kept in this browser; saving to your account will retry."));
    }, 500);
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!signedIn) {
      localDraft.write(quiz.id, quiz.version, responses);
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(`${pathname}#quiz-${quiz.id}`)}`);
      return;
    }
    void submit(responses);
  }

  function retry() {
    setReview(null);
    setResponses({});
    setMessage("New attempt started. Choices may be in a new order.");
    setPhase("answering");
  }

  const answered = quiz.items.filter((item) => (responses[item.id]?.length ?? 0) > 0).length;
  const canRetry = phase === "reviewing" && (attemptsLeft === null || attemptsLeft > 0);

  return (
    <section
      id={`quiz-${quiz.id}`}
      aria-labelledby={`quiz-${quiz.id}-title`}
      data-testid={`quiz-${quiz.id}`}
      data-phase={phase}
      className="not-prose my-10 space-y-4 rounded-xl border border-zinc-300 p-5 dark:border-zinc-700"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`quiz-${quiz.id}-title`} className="text-xl font-semibold">
          {quiz.title}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {quiz.items.length} questions · pass mark {Math.round(quiz.policy.passMark * 100)}% ·{" "}
          {attemptsLeft === null ? "unlimited attempts" : `${attemptsLeft} of ${quiz.policy.maxAttempts} attempts left`}
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
            onChange={(choiceIds) => change(item.id, choiceIds)}
            review={phase === "reviewing" ? (review?.items.find((entry) => entry.itemId === item.id) ?? null) : null}
            disabled={phase !== "answering"}
          />
        ))}
        <div className="flex flex-wrap items-center gap-3">
          {phase !== "reviewing" && (
            <button
              type="submit"
              disabled={phase !== "answering" || (attemptsLeft !== null && attemptsLeft <= 0)}
              className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            >
              {phase === "submitting" ? "Submitting…" : signedIn ? "Submit answers" : "Sign in to submit"}
            </button>
          )}
          {canRetry && (
            <button type="button" onClick={retry} className="rounded-md border border-zinc-400 px-4 py-2 font-medium dark:border-zinc-500">
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
      {phase === "reviewing" && review && (
        <div data-testid="quiz-score" className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
          <p className="font-medium">
            Score: {formatScore(review.score)} / {review.maxScore} ({Math.round(review.fraction * 100)}%) —{" "}
            {review.passed ? "passed" : "not passed"}.
          </p>
          {review.standing.grade !== null && (
            <p className="text-sm">
              Your grade for this quiz ({quiz.policy.grading} attempt): {Math.round(review.standing.grade * 100)}%.
            </p>
          )}
          {review.answersShown === "none" && quiz.policy.showAnswers !== "never" && (
            <p className="text-sm">Correct answers and explanations appear {describeWhenAnswersShow(quiz)}.</p>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="quiz-status">
        {message}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <QuizHistory attempts={attempts} />
    </section>
  );
}

function describeWhenAnswersShow(quiz: PublicQuiz): string {
  switch (quiz.policy.showAnswers) {
    case "after-last-attempt":
      return quiz.policy.maxAttempts === null ? "once you pass" : "after your last attempt";
    case "after-correct":
      return "for each question once you answer it correctly";
    default:
      return "after you submit";
  }
}
