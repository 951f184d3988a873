// The runner's transitions, without a browser: reconciling after a quiz change, the review when no attempt is
// left whatever the drafts say (#12 item 7), and the move of local selections to the current version.
import { describe, expect, it } from "vitest";
import { toPublicQuiz } from "@/lib/quiz/public-view";
import { goodhartQuiz } from "@/lib/quiz/test-fixtures";
import type { QuizReview } from "@/lib/quiz/policy";
import type { PublicQuiz } from "@/lib/quiz/types";
import type { QuizStateResponse } from "./quiz-api";
import { initialState, runnerReducer } from "./quiz-state";

const v1 = toPublicQuiz(goodhartQuiz());
/** Version 2 drops m-weather and c-extremal (their text changed); everything else keeps its id. */
const v2: PublicQuiz = {
  ...v1,
  version: "v2",
  items: v1.items.map((item) => ({ ...item, choices: item.choices.filter((choice) => choice.id !== "m-weather" && choice.id !== "c-extremal") })),
};

function signedIn(overrides: Partial<Extract<QuizStateResponse, { signedIn: true }>>): QuizStateResponse {
  return { signedIn: true, userId: "u1", quiz: v1, attempts: [], standing: null, latestReview: null, draft: null, ...overrides };
}

const review = { items: [{ itemId: "goodhart-variant", selectedChoiceIds: ["c-causal"] }], standing: { attemptsUsed: 3, canAttempt: false } } as unknown as QuizReview;

describe("runnerReducer", () => {
  it("shows the review, not a form, when no attempt is left, even with a late draft on the server", () => {
    const standing = { attemptsUsed: 3, attemptsLeft: 0, canAttempt: false, grade: 0, passed: false, completesLesson: false };
    const state = runnerReducer(initialState(v1), { type: "loaded", state: signedIn({ standing, latestReview: review, draft: { "gaming-cases": ["m-boat"] } }), local: null });
    expect(state.phase).toBe("reviewing");
    expect(state.responses).toEqual({ "goodhart-variant": ["c-causal"] });
  });

  it("after a 409 'quiz changed', takes the new version and keeps the selections that still exist", () => {
    let state = runnerReducer(initialState(v1), { type: "loaded", state: signedIn({}), local: null });
    state = runnerReducer(state, { type: "select", itemId: "gaming-cases", choiceIds: ["m-boat", "m-weather"] });
    state = runnerReducer(state, { type: "select", itemId: "goodhart-variant", choiceIds: ["c-extremal"] });
    state = runnerReducer(state, { type: "submitting" });
    state = runnerReducer(state, { type: "quiz-changed", quiz: v2, message: "This quiz has changed" });
    expect(state).toMatchObject({ phase: "answering", quiz: { version: "v2" }, responses: { "gaming-cases": ["m-boat"] }, error: "This quiz has changed" });
  });

  it("reconciles a local draft of an older version instead of dropping it", () => {
    const state = runnerReducer(initialState(v1), { type: "loaded", state: { signedIn: false, quiz: v2 }, local: { version: v1.version, responses: { "gaming-cases": ["m-lego", "m-weather"], nope: ["x"] } } });
    expect(state).toMatchObject({ phase: "answering", quiz: v2, responses: { "gaming-cases": ["m-lego"] } });
  });

  it("starts a fresh attempt on retry", () => {
    let state = runnerReducer(initialState(v1), { type: "loaded", state: signedIn({}), local: null });
    state = runnerReducer(state, { type: "select", itemId: "perfect-labels", choiceIds: ["tf-true"] });
    state = runnerReducer(state, { type: "retry" });
    expect(state).toMatchObject({ phase: "answering", responses: {}, review: null });
  });
});
