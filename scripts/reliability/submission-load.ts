// Learners submitting quiz attempts concurrently, some retrying under the same submissionId, the way a
// flaky network makes a real client do. Shared by the exactly-once test, the crash test and the bench.
import { randomUUID } from "node:crypto";
import { runPool, type SessionClient } from "./session-client";

export type QuizTarget = { quizId: string; quizVersion: string; responses: Record<string, string[]> };
export type PlannedSubmission = { learner: number; quiz: QuizTarget; submissionId: string; sends: number };
export type SubmissionResult = {
  plan: PlannedSubmission;
  /** Every answer the server gave to this submissionId (one per send that got an answer). */
  answers: { status: number; attemptNumber?: number; outcome?: string }[];
  networkErrors: number;
};

/** `perQuiz` submissions per learner per quiz; every `retryEvery`-th is sent twice at once and once more later. */
export function planSubmissions(learners: number, quizzes: QuizTarget[], perQuiz: number, retryEvery = 3): PlannedSubmission[] {
  const plan: PlannedSubmission[] = [];
  for (let learner = 0; learner < learners; learner++) {
    for (const quiz of quizzes) {
      for (let n = 0; n < perQuiz; n++) plan.push({ learner, quiz, submissionId: randomUUID(), sends: (plan.length + learner) % retryEvery === 0 ? 3 : 1 });
    }
  }
  return plan;
}

async function sendOnce(client: SessionClient, plan: PlannedSubmission, result: SubmissionResult, stopped: () => boolean, onAck?: () => void) {
  // 503 means "busy, nothing recorded, send again": a real client retries it under the same id.
  for (let tries = 0; tries < 6 && !stopped(); tries++) {
    try {
      const response = await client.send("POST", `/api/quizzes/${plan.quiz.quizId}/attempts`, {
        json: { quizId: plan.quiz.quizId, quizVersion: plan.quiz.quizVersion, submissionId: plan.submissionId, responses: plan.quiz.responses },
      });
      const body = response.body as { attemptNumber?: number; status?: string } | undefined;
      result.answers.push({ status: response.status, attemptNumber: body?.attemptNumber, outcome: body?.status });
      if (response.status === 200 || response.status === 201) onAck?.();
      if (response.status !== 503) return;
    } catch {
      result.networkErrors++;
      return;
    }
  }
}

/** Sends every planned submission, `concurrency` at a time across learners; a learner's submissions interleave too. */
export async function runSubmissions(
  clients: SessionClient[],
  plan: PlannedSubmission[],
  concurrency: number,
  stopped: () => boolean = () => false,
  onAck?: () => void,
): Promise<SubmissionResult[]> {
  const results = plan.map((entry) => ({ plan: entry, answers: [], networkErrors: 0 }));
  await runPool(results, concurrency, async (result) => {
    if (stopped()) return;
    const client = clients[result.plan.learner]!;
    const first = [sendOnce(client, result.plan, result, stopped, onAck)];
    if (result.plan.sends > 1) first.push(sendOnce(client, result.plan, result, stopped, onAck)); // the same id twice at once
    await Promise.all(first);
    for (let extra = 2; extra < result.plan.sends; extra++) await sendOnce(client, result.plan, result, stopped, onAck);
  });
  return results;
}

export function acknowledged(result: SubmissionResult) {
  return result.answers.find((answer) => answer.status === 200 || answer.status === 201);
}
