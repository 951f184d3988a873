// The grading core without HTTP: what the submit route does after it has the user and the raw body —
// zod validation, grading against the stored key, the exactly-once insert, the review, and serialising
// the response — called directly by simulated learners. Run as its own process under the react-server
// condition (it imports server-only modules); prints one JSON line with the figures.
// The quiz must allow unlimited attempts, or the run would measure refusals: bench/submissions-bench.ts
// republishes lesson 2's l2-check so before it starts this.
//   tsx --conditions=react-server bench/grading-core.ts <seconds> <connections,...> <quiz id>
import { randomUUID } from "node:crypto";
import { currentStoredQuizDefinition } from "@/lib/attempts/quiz-definitions";
import { submitAttempt } from "@/lib/attempts/submit";
import { db } from "@/lib/db/client";
import { submitAttemptSchema } from "@/lib/quiz/submission";

type Figures = { connections: number; requests: number; seconds: number; perSecond: number; p50Ms: number; p99Ms: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const seconds = Number(process.argv[2] ?? 5);
  const levels = (process.argv[3] ?? "1,16,64").split(",").map(Number);
  const quizId = process.argv[4] ?? "l2-check";
  // The version students see now, as the submit route grades it (a studio revision over the file, if any).
  const quiz = await currentStoredQuizDefinition(quizId);
  if (!quiz) throw new Error(`grading-core: no published quiz ${quizId}`);
  if (quiz.policy.maxAttempts !== null) throw new Error(`grading-core: ${quizId} allows ${quiz.policy.maxAttempts} attempts per learner; the run would measure refusals (publish it with maxAttempts={0} first)`);
  // A numeric item has no choices: a number is its well-formed answer.
  const responses = Object.fromEntries(quiz.items.map((item) => [item.id, item.choices[0] ? [item.choices[0].id] : ["0"]]));
  // Many learners, so each has a handful of attempts, as in a real class; created directly because
  // password hashing is sign-up's cost, not grading's.
  const run = randomUUID().slice(0, 8);
  const learners = Array.from({ length: 2000 }, (_, index) => ({
    id: `grading-${run}-${index}`,
    email: `grading-${run}-${index}@example.com`,
    name: `Grading bench ${index}`,
    role: "student" as const,
  }));
  await db().user.createMany({ data: learners.map(({ role: _role, ...row }) => row) });

  const results: Figures[] = [];
  for (const connections of levels) {
    const latencies: number[] = [];
    let next = 0;
    const deadline = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const learner = learners[next++ % learners.length]!;
        const body = JSON.stringify({ quizId: quiz.id, quizVersion: quiz.version, submissionId: randomUUID(), responses });
        const start = performance.now();
        const input = submitAttemptSchema.parse(JSON.parse(body));
        const outcome = await submitAttempt(learner, input);
        JSON.stringify(outcome);
        latencies.push(performance.now() - start);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: connections }, worker));
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 100) / 100;
    results.push({
      connections,
      requests: latencies.length,
      seconds: round(elapsed),
      perSecond: Math.round(latencies.length / elapsed),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
    });
  }
  await db().$disconnect();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
