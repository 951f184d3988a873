"use client";
// The quiz runner's effects: load state, save drafts (debounced, cancelled by a submit), submit with retries,
// and reload the quiz when the server says it changed. All state lives in the reducer (quiz-state.ts).
import { useCallback, useEffect, useReducer, useRef } from "react";
import { restorableDraft } from "@/lib/quiz/draft";
import type { PublicQuiz, QuizResponses } from "@/lib/quiz/types";
import { ApiError } from "@/lib/http/api-client";
import { fetchQuizState, isQuizChanged, localDraft, pendingSubmission, saveDraft, submitAttempt } from "./quiz-api";
import { LESSON_COMPLETED_EVENT } from "./lesson-events";
import { initialState, runnerReducer, type RunnerState } from "./quiz-state";

const DRAFT_DELAY_MS = 500;

export function useQuizRunner(pageQuiz: PublicQuiz, lesson: { courseSlug: string; lessonSlug: string }) {
  const [state, dispatch] = useReducer(runnerReducer, pageQuiz, initialState);
  const quizId = pageQuiz.id;
  const latest = useRef<RunnerState>(state);
  useEffect(() => {
    latest.current = state;
  });
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftRequest = useRef<AbortController | null>(null);

  /** A submit makes every pending or in-flight draft save moot; the server would refuse it anyway. */
  const cancelDraftSaves = useCallback(() => {
    clearTimeout(draftTimer.current);
    draftRequest.current?.abort();
    draftRequest.current = null;
  }, []);

  const reloadQuiz = useCallback(async (message: string) => {
    const fresh = await fetchQuizState(quizId).catch(() => null);
    if (fresh) dispatch({ type: "quiz-changed", quiz: fresh.quiz, message });
    else dispatch({ type: "failed", error: message });
  }, [quizId]);

  const submit = useCallback(
    async (chosen: QuizResponses, reuse?: { submissionId: string }) => {
      cancelDraftSaves();
      const quiz = latest.current.quiz;
      const submissionId = reuse?.submissionId ?? pendingSubmission.read(quizId)?.submissionId ?? crypto.randomUUID();
      pendingSubmission.write(quizId, submissionId, chosen);
      dispatch({ type: "submitting" });
      try {
        const outcome = await submitAttempt(quizId, quiz.version, submissionId, chosen, (attempt) =>
          dispatch({ type: "message", message: `Connection problem; retrying (${attempt})… Your answers are kept.` }),
        );
        pendingSubmission.clear(quizId);
        localDraft.clear(quizId);
        dispatch({ type: "submitted", attemptNumber: outcome.attemptNumber, review: outcome.review });
        if (outcome.review.standing.completesLesson) window.dispatchEvent(new CustomEvent(LESSON_COMPLETED_EVENT, { detail: lesson }));
      } catch (failure) {
        // A refused submission (4xx) will not succeed by retrying the same id; a new try gets a new one.
        const refused = failure instanceof ApiError && failure.status > 0 && failure.status < 500;
        if (refused) pendingSubmission.clear(quizId);
        if (isQuizChanged(failure)) return void (await reloadQuiz(failure.message));
        dispatch({
          type: "failed",
          error: failure instanceof ApiError && failure.status > 0 ? failure.message : "Could not reach the server. Your answers are kept here; submit again when you are back online.",
        });
      }
    },
    [quizId, lesson, cancelDraftSaves, reloadQuiz],
  );

  // Load: the current quiz, earlier attempts and saved selections (server when signed in, this browser otherwise).
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const local = localDraft.read(quizId);
      try {
        const server = await fetchQuizState(quizId);
        if (cancelled) return;
        dispatch({ type: "loaded", state: server, local });
        if (!server.signedIn) return;
        const pending = pendingSubmission.read(quizId);
        if (pending) return void submit(pending.responses, pending);
        if (local) {
          // Selections made before signing in move to the account.
          const used = server.standing?.attemptsUsed ?? 0;
          await saveDraft(quizId, server.quiz.version, used + 1, restorableDraft(server.quiz, local.responses)).catch(() => undefined);
          localDraft.clear(quizId);
        }
      } catch {
        if (!cancelled) dispatch({ type: "offline", local: local?.responses ?? null });
      }
    })();
    return () => {
      cancelled = true;
      cancelDraftSaves();
    };
  }, [quizId, submit, cancelDraftSaves]);

  const select = useCallback(
    (itemId: string, choiceIds: string[]) => {
      dispatch({ type: "select", itemId, choiceIds });
      const { quiz, signedIn, attemptsUsed } = latest.current;
      const next = { ...latest.current.responses, [itemId]: choiceIds };
      localDraft.write(quizId, quiz.version, next);
      if (!signedIn) return;
      cancelDraftSaves();
      draftTimer.current = setTimeout(() => {
        const request = new AbortController();
        draftRequest.current = request;
        saveDraft(quizId, quiz.version, attemptsUsed + 1, next, request.signal)
          .then(() => localDraft.clear(quizId))
          .catch((failure: unknown) => {
            if (request.signal.aborted) return;
            if (isQuizChanged(failure)) return void reloadQuiz(failure.message);
            dispatch({ type: "message", message: "Your selections are kept in this browser; saving to your account will retry." });
          });
      }, DRAFT_DELAY_MS);
    },
    [quizId, cancelDraftSaves, reloadQuiz],
  );

  return { state, dispatch, submit, select };
}
