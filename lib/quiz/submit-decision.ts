// What to do with an incoming submission, decided before any grading or writing, so the route stays wiring.
// Idempotency: the client generates one submissionId per attempt; a retry carrying an id already stored
// gets the stored result back and creates nothing (the database's unique index on the id is the backstop
// for two retries racing each other).

import { attemptsLeft } from "./policy";
import type { QuizDefinition } from "./types";

export type SubmitDecision<Stored> =
  /** The same submission was already graded: answer with it again (HTTP 200), write nothing. */
  | { kind: "replay"; attempt: Stored }
  /** Grade it and store it as this attempt number. */
  | { kind: "grade"; attemptNumber: number }
  /** The learner was looking at an older version of the quiz (HTTP 409): reload, then submit. */
  | { kind: "stale-version"; currentVersion: string }
  /** No attempts left (HTTP 403). */
  | { kind: "no-attempts-left" };

export function decideSubmission<Stored>(input: {
  definition: Pick<QuizDefinition, "version" | "policy">;
  submittedVersion: string;
  /** The stored attempt with this submissionId for this user, if any. */
  existing: Stored | null;
  /** How many attempts this learner has already made at this quiz. */
  attemptCount: number;
}): SubmitDecision<Stored> {
  // A replay comes first: the original may have used the last attempt or an older version.
  if (input.existing !== null) return { kind: "replay", attempt: input.existing };
  if (input.submittedVersion !== input.definition.version) return { kind: "stale-version", currentVersion: input.definition.version };
  if (attemptsLeft(input.definition.policy, input.attemptCount) === 0) return { kind: "no-attempts-left" };
  return { kind: "grade", attemptNumber: input.attemptCount + 1 };
}
