// The quiz runner's state as a reducer: every transition in one pure function, tested without a browser
// (quiz-state.test.ts). The component (quiz-runner.tsx) and its effects (use-quiz-runner.ts) only dispatch.
import { restorableDraft } from "@/lib/quiz/draft";
import type { QuizReview } from "@/lib/quiz/policy";
import type { PublicQuiz, QuizResponses } from "@/lib/quiz/types";
import type { AttemptSummary, QuizStateResponse } from "./quiz-api";

type Phase = "loading" | "answering" | "submitting" | "reviewing";

export type RunnerState = {
  phase: Phase;
  /** The current version; starts as the copy in the page and is replaced when the server has a newer one. */
  quiz: PublicQuiz;
  signedIn: boolean;
  userId: string;
  responses: QuizResponses;
  review: QuizReview | null;
  attempts: AttemptSummary[];
  /** Attempts used, as the server counts them. */
  attemptsUsed: number;
  message: string;
  error: string;
};

export type RunnerAction =
  | { type: "loaded"; state: QuizStateResponse; local: { version: string; responses: QuizResponses } | null }
  | { type: "offline"; local: QuizResponses | null }
  | { type: "select"; itemId: string; choiceIds: string[] }
  | { type: "submitting" }
  | { type: "submitted"; attemptNumber: number; review: QuizReview }
  | { type: "quiz-changed"; quiz: PublicQuiz; message: string }
  | { type: "failed"; error: string }
  | { type: "retry" }
  | { type: "message"; message: string };

export function initialState(quiz: PublicQuiz): RunnerState {
  return { phase: "loading", quiz, signedIn: false, userId: "guest", responses: {}, review: null, attempts: [], attemptsUsed: 0, message: "", error: "" };
}

const selectionsOf = (review: QuizReview): QuizResponses => Object.fromEntries(review.items.map((item) => [item.itemId, item.selectedChoiceIds]));

function onLoaded(state: RunnerState, { state: server, local }: Extract<RunnerAction, { type: "loaded" }>): RunnerState {
  const quiz = server.quiz;
  // Selections made in this browser (before signing in, or of an older version) keep whatever still exists.
  const localResponses = local ? restorableDraft(quiz, local.responses) : null;
  if (!server.signedIn) return { ...state, quiz, phase: "answering", responses: localResponses ?? {} };
  const attemptsUsed = server.standing?.attemptsUsed ?? server.attempts.length;
  const base = { ...state, quiz, signedIn: true, userId: server.userId, attempts: server.attempts, attemptsUsed };
  const outOfAttempts = server.standing !== null && !server.standing.canAttempt;
  // No attempt left: the review, whatever drafts say (a late draft save must not bring back the form).
  if (server.latestReview && (outOfAttempts || (!localResponses && !server.draft))) {
    return { ...base, phase: "reviewing", review: server.latestReview, responses: selectionsOf(server.latestReview) };
  }
  return { ...base, phase: "answering", responses: localResponses ?? server.draft ?? {} };
}

export function runnerReducer(state: RunnerState, action: RunnerAction): RunnerState {
  switch (action.type) {
    case "loaded":
      return onLoaded(state, action);
    case "offline":
      return { ...state, phase: "answering", responses: action.local ? restorableDraft(state.quiz, action.local) : state.responses };
    case "select":
      return { ...state, responses: { ...state.responses, [action.itemId]: action.choiceIds }, error: "" };
    case "submitting":
      return { ...state, phase: "submitting", error: "", message: "Submitting your answers…" };
    case "submitted": {
      const { review, attemptNumber } = action;
      const attempts = state.attempts.some((entry) => entry.attemptNumber === attemptNumber)
        ? state.attempts
        : [...state.attempts, { attemptNumber, score: review.score, maxScore: review.maxScore, passed: review.passed, createdAt: new Date().toISOString() }];
      return { ...state, phase: "reviewing", review, attempts, attemptsUsed: review.standing.attemptsUsed, message: submittedMessage(review) };
    }
    case "quiz-changed":
      return { ...state, quiz: action.quiz, phase: "answering", responses: restorableDraft(action.quiz, state.responses), message: "", error: action.message };
    case "failed":
      return { ...state, phase: "answering", message: "", error: action.error };
    case "retry":
      return { ...state, phase: "answering", review: null, responses: {}, message: "New attempt started. Choices may be in a new order.", error: "" };
    case "message":
      return { ...state, message: action.message };
  }
}

function submittedMessage(review: QuizReview): string {
  const left = review.standing.attemptsLeft;
  const score = review.score === null ? "Submitted." : `Score ${formatScore(review.score)} of ${review.maxScore}.`;
  return `${score} ${review.passed ? "Passed." : "Not passed yet."}` + (left === null ? "" : ` ${left} attempt${left === 1 ? "" : "s"} left.`);
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

/** Attempts left as the page shows them; null means unlimited. */
export function attemptsLeft(state: RunnerState): number | null {
  const max = state.quiz.policy.maxAttempts;
  return max === null ? null : Math.max(0, max - state.attemptsUsed);
}
