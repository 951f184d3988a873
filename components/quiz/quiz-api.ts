// The browser side of the quiz endpoints. Nothing here knows the answer key: it sends choice ids and
// receives a review the server has already trimmed to what the quiz's policy allows.
import type { QuizReview, QuizStanding } from "@/lib/quiz/policy";
import type { PublicQuiz, QuizResponses } from "@/lib/quiz/types";

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

export class QuizRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The server refused a version that is no longer the current one (409): reload the quiz. */
  get quizChanged(): boolean {
    return this.status === 409 && this.fields.quizVersion === "changed";
  }
}

async function send<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const payload = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
  if (!response.ok) throw new QuizRequestError(response.status, payload.error ?? `Request failed (${response.status}).`, payload.fields);
  return payload as T;
}

export const fetchQuizState = (quizId: string) =>
  send<QuizStateResponse>(`/api/quizzes/${encodeURIComponent(quizId)}/state`, { cache: "no-store" });

export const saveDraft = (quizId: string, quizVersion: string, attemptNumber: number, responses: QuizResponses, signal?: AbortSignal) =>
  send(`/api/quizzes/${encodeURIComponent(quizId)}/draft`, {
    method: "PUT",
    body: JSON.stringify({ quizId, quizVersion, attemptNumber, responses }),
    signal,
  });

export const submitAttempt = (quizId: string, quizVersion: string, submissionId: string, responses: QuizResponses) =>
  send<SubmitResponse>(`/api/quizzes/${encodeURIComponent(quizId)}/attempts`, {
    method: "POST",
    body: JSON.stringify({ quizId, quizVersion, submissionId, responses }),
  });

/** Retries network failures (not 4xx answers) with backoff; the same submissionId makes this safe. */
export async function withRetry<T>(work: () => Promise<T>, onRetry: (attempt: number) => void, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable = !(error instanceof QuizRequestError) || error.status >= 500;
      if (!retryable || attempt >= tries) throw error;
      onRetry(attempt);
      await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
    }
  }
}

// Local storage: selections before sign-in, and a submission id awaiting its answer.
const draftKey = (quizId: string) => `af:quiz-draft:${quizId}`;
const pendingKey = (quizId: string) => `af:quiz-pending:${quizId}`;

function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export const localDraft = {
  read: (quizId: string) => readJson<{ version: string; responses: QuizResponses }>(draftKey(quizId)),
  write: (quizId: string, version: string, responses: QuizResponses) =>
    localStorage.setItem(draftKey(quizId), JSON.stringify({ version, responses })),
  clear: (quizId: string) => localStorage.removeItem(draftKey(quizId)),
};

export const pendingSubmission = {
  read: (quizId: string) => readJson<{ submissionId: string; responses: QuizResponses }>(pendingKey(quizId)),
  write: (quizId: string, submissionId: string, responses: QuizResponses) =>
    localStorage.setItem(pendingKey(quizId), JSON.stringify({ submissionId, responses })),
  clear: (quizId: string) => localStorage.removeItem(pendingKey(quizId)),
};
