import "server-only";
// One learner's submissions to one quiz take turns within this process. Between reading the last attempt
// number and inserting the next there is a database round trip; concurrent submissions of one learner
// (a double click, a retry racing its original, two tabs) would otherwise all read the same number, all
// but one hit the unique index and go round again. On PostgreSQL twenty at once left most of them
// retrying until they gave up with 503. Taking turns, each reads the attempts the one before it stored.
// The unique indexes still decide across processes (several app servers on one database); this only
// removes the races inside one.
import AsyncLock from "async-lock";
import { HttpError } from "@/lib/http/http-error";

export const BUSY = "The server is busy; your answers were not recorded. Please submit again.";

// A learner has no honest reason to queue dozens of submissions to one quiz, nor to wait long for a turn:
// past either bound the submission is refused unrecorded (503), which the client retries.
const limits = { maxWaiting: 32, maxWaitMs: 10_000 };

/** Turns keyed by learner and quiz; exported as a factory so the tests can use small limits. */
export function learnerQuizTurns({ maxWaiting, maxWaitMs }: typeof limits) {
  const turns = new AsyncLock({ maxPending: maxWaiting, timeout: maxWaitMs });
  /** Runs `work` once no other submission of this learner to this quiz is running in this process. */
  return async function inTurn<T>(userId: string, quizId: string, work: () => Promise<T>): Promise<T> {
    let started = false;
    try {
      return await turns.acquire(`${userId}\u0000${quizId}`, () => {
        started = true;
        return work();
      });
    } catch (error) {
      if (!started) throw new HttpError(503, BUSY); // refused by the queue (too many waiting, or waited too long): nothing ran
      throw error;
    }
  };
}

export const inLearnerQuizTurn = learnerQuizTurns(limits);
