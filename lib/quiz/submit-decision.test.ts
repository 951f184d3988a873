import { describe, expect, it } from "vitest";
import { decideSubmission } from "./submit-decision";
import { goodhartQuiz } from "./test-fixtures";

const definition = goodhartQuiz({ maxAttempts: 2 });
const stored = { id: "attempt-1", score: 2 };

describe("decideSubmission", () => {
  it("grades a new submission as the next attempt", () => {
    expect(decideSubmission({ definition, submittedVersion: definition.version, existing: null, attemptCount: 1 })).toEqual({ kind: "grade", attemptNumber: 2 });
  });

  it("replays a retried submission instead of creating a second attempt", () => {
    expect(decideSubmission({ definition, submittedVersion: definition.version, existing: stored, attemptCount: 1 })).toEqual({ kind: "replay", attempt: stored });
  });

  it("replays even when that submission used the last attempt or the quiz has changed since", () => {
    expect(decideSubmission({ definition, submittedVersion: "old-version", existing: stored, attemptCount: 2 })).toEqual({ kind: "replay", attempt: stored });
  });

  it("refuses a new submission when no attempts are left", () => {
    expect(decideSubmission({ definition, submittedVersion: definition.version, existing: null, attemptCount: 2 })).toEqual({ kind: "no-attempts-left" });
  });

  it("refuses a submission against an older quiz version", () => {
    expect(decideSubmission({ definition, submittedVersion: "old-version", existing: null, attemptCount: 0 })).toEqual({
      kind: "stale-version",
      currentVersion: definition.version,
    });
  });

  it("never runs out with unlimited attempts", () => {
    const unlimited = goodhartQuiz({ maxAttempts: null });
    expect(decideSubmission({ definition: unlimited, submittedVersion: unlimited.version, existing: null, attemptCount: 500 })).toEqual({ kind: "grade", attemptNumber: 501 });
  });
});
