// The browser side of the quiz endpoints. Nothing here knows the answer key: it sends choice ids and
// receives a review the server has already trimmed to what the quiz's policy allows.
import type { QuizReview, QuizStanding } from "@/lib/quiz/policy";
import type { PublicQuiz, QuizResponses } from "@/lib/quiz/types";
import { ApiError, apiRequest } from "@/lib/http/api-client";

/** score is null while the quiz's policy hides marks. */
export type AttemptSummary = { attemptNumber: number; score: number | null; maxScore: number; passed: boolean; createdAt: string };

export type QuizStateResponse =
  | { signedIn: false; quiz: PublicQuiz }
  | {
      signedIn: true;
      userId: string;
      /** The current version: the page's copy may be older. */
      quiz: PublicQuiz;
      attempts: AttemptSummary[];
      standing: QuizStanding | null;
      latestReview: QuizReview | null;
      draft: QuizResponses | null;
    };

export type SubmitResponse = { status: "created" | "replayed"; attemptNumber: number; review: QuizReview };

/** The server refused a version that is no longer the current one (409): reload the quiz. */
export const isQuizChanged = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 409 && error.fields.quizVersion === "changed";

export const fetchQuizState = (quizId: string) => apiRequest<QuizStateResponse>(`/api/quizzes/${encodeURIComponent(quizId)}/state`, { cache: "no-store" });

export const saveDraft = (quizId: string, quizVersion: string, attemptNumber: number, responses: QuizResponses, signal?: AbortSignal) =>
  apiRequest(`/api/quizzes/${encodeURIComponent(quizId)}/draft`, { method: "PUT", body: { quizId, quizVersion, attemptNumber, responses }, signal });

/** Retried on network failures and 5xx (never a 4xx): the submissionId makes a repeat a replay, recorded once. */
export const submitAttempt = (quizId: string, quizVersion: string, submissionId: string, responses: QuizResponses, onRetry: (attempt: number) => void) =>
  apiRequest<SubmitResponse>(`/api/quizzes/${encodeURIComponent(quizId)}/attempts`, {
    method: "POST",
    body: { quizId, quizVersion, submissionId, responses },
    idempotencyKey: submissionId,
    retry: { onRetry },
  });

// Local storage: selections before sign-in, and a submission id awaiting its answer.
const draftKey = (quizId: string) => `af:quiz-draft:${quizId}`;
const pendingKey = (quizId: string) => `af:quiz-pending:${quizId}`;

// Checked field by field rather than with zod: lesson pages do not load zod (first-load JS, issue 14).
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isResponses = (value: unknown): value is QuizResponses =>
  isRecord(value) && Object.values(value).every((choices) => Array.isArray(choices) && choices.every((choice) => typeof choice === "string"));
const isLocalDraft = (value: unknown): value is { version: string; responses: QuizResponses } =>
  isRecord(value) && typeof value.version === "string" && isResponses(value.responses);
const isPending = (value: unknown): value is { submissionId: string; responses: QuizResponses } =>
  isRecord(value) && typeof value.submissionId === "string" && isResponses(value.responses);

/** A stored value that passes its check; anything else (unset, torn, edited by hand) reads as none. */
function readStored<T>(key: string, check: (value: unknown) => value is T): T | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return check(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export const localDraft = {
  read: (quizId: string) => readStored(draftKey(quizId), isLocalDraft),
  write: (quizId: string, version: string, responses: QuizResponses) =>
    localStorage.setItem(draftKey(quizId), JSON.stringify({ version, responses })),
  clear: (quizId: string) => localStorage.removeItem(draftKey(quizId)),
};

export const pendingSubmission = {
  read: (quizId: string) => readStored(pendingKey(quizId), isPending),
  write: (quizId: string, submissionId: string, responses: QuizResponses) =>
    localStorage.setItem(pendingKey(quizId), JSON.stringify({ submissionId, responses })),
  clear: (quizId: string) => localStorage.removeItem(pendingKey(quizId)),
};
