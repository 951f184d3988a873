// Graded and persisted quiz submissions per second, two ways:
//  - over HTTP through the real route (session cookie verified, Origin check, zod, grading, the attempt
//    insert, the review), with autocannon at 1, 16 and 64 connections and the server's peak RSS; beside it
//    the same route refused at its first check (a foreign Origin), which is what Next.js itself costs per
//    request on this machine: the ceiling any route handler here can reach;
//  - the grading core without HTTP (bench/grading-core.ts).
// Each request carries a fresh submissionId, so every one is a new stored attempt. Learners are many
// (each ends with a handful of attempts, as in a class) and created directly with minted session tokens:
// password hashing is sign-up's cost, not grading's.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import type { QuizDefinition } from "@/lib/quiz/types";
import { type AppServer, authSecret } from "../scripts/reliability/app-server";
import { republishWithQuizPolicy } from "../scripts/reliability/fixture-lesson";

/** The quiz both submission benches grade: lesson 2's check, republished with unlimited attempts. */
const BENCH_QUIZ = { courseSlug: "alignment-foundations", lessonSlug: "goodhart-and-specification-gaming", quizId: "l2-check" };
const BENCH_INSTRUCTOR = { email: "instructor@example.com", password: "instructor-password" };

export type LoadFigures = { connections: number; requests: number; seconds: number; perSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number; peakRssMb?: number };

/** Resident memory of a process and its children, in MB (Linux /proc). */
function groupRssMb(pid: number): number {
  let kb = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const child of readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return kb / 1024;
}

export function autocannonRun(options: autocannon.Options, pid?: number): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    let peak = 0;
    const sampler = pid ? setInterval(() => (peak = Math.max(peak, groupRssMb(pid))), 100) : undefined;
    autocannon(options, (error, result) => {
      if (sampler) clearInterval(sampler);
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      resolve({
        connections: options.connections ?? 1,
        requests: result.requests.total,
        seconds: result.duration,
        perSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        ...(pid ? { peakRssMb: Math.round(peak) } : {}),
      });
    });
  });
}

const TSX = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];

function benchScript(script: string, args: string[], databaseUrl: string): string {
  return execFileSync(process.execPath, [...TSX, script, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 64 * 1024 * 1024 }).toString();
}

/** Learner accounts with a valid next-auth session cookie each, as the browser would hold after sign-in. */
async function learnersWithSessions(databaseUrl: string, count: number): Promise<string[]> {
  const learners = JSON.parse(benchScript("bench/create-learners.ts", [String(count)], databaseUrl)) as { id: string; email: string; name: string; sessionId: string }[];
  const secret = authSecret();
  return Promise.all(
    learners.map(async (learner) => {
      const token = await encode({ secret, token: { sub: learner.id, uid: learner.id, sid: learner.sessionId, email: learner.email, name: learner.name, role: "student" } });
      return `next-auth.session-token=${token}`;
    }),
  );
}

type GradingCoreFigures = Omit<LoadFigures, "non2xx" | "errors" | "peakRssMb">;

export async function runSubmissionsBench(server: AppServer, options: { databaseUrl: string; seconds?: number }) {
  const seconds = options.seconds ?? 5;
  // The course's quizzes allow 3 attempts, and a load of new attempts would soon measure 409s, not grading.
  // So lesson 2 is republished from the studio with its quiz unlimited: the same items and key, graded
  // for real on every request (the path of a studio revision over a file lesson). Served from its file after.
  const republished = await republishWithQuizPolicy({ ...BENCH_QUIZ, baseUrl: server.url, quizAttributes: "maxAttempts={0}", instructor: BENCH_INSTRUCTOR, databaseUrl: options.databaseUrl });
  try {
    return await measureSubmissions(server, republished.quiz, { databaseUrl: options.databaseUrl, seconds });
  } finally {
    await republished.restore();
  }
}

async function measureSubmissions(server: AppServer, quiz: QuizDefinition, options: { databaseUrl: string; seconds: number }) {
  const { seconds } = options;
  if (quiz.policy.maxAttempts !== null) throw new Error(`${quiz.id} allows ${quiz.policy.maxAttempts} attempts: the load would measure refusals`);
  // A numeric item has no choices: a number is its well-formed answer.
  const responses = Object.fromEntries(quiz.items.map((item) => [item.id, item.choices[0] ? [item.choices[0].id] : ["0"]]));
  const cookies = await learnersWithSessions(options.databaseUrl, 2000);
  const path = `/api/quizzes/${quiz.id}/attempts`;
  let next = 0;
  const submit = (connections: number) =>
    autocannonRun(
      {
        url: server.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path,
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, "content-type": "application/json", origin: server.url, cookie: cookies[next++ % cookies.length]! },
              body: JSON.stringify({ quizId: quiz.id, quizVersion: quiz.version, submissionId: randomUUID(), responses }),
            }),
          },
        ],
      },
      server.child.pid,
    );
  // Warm the route (first-request compilation, caches) before measuring.
  await autocannonRun({ url: server.url + path, method: "POST", headers: { origin: "http://foreign.example" }, connections: 4, duration: 1 });
  const frameworkCeiling = await autocannonRun({ url: server.url + path, method: "POST", headers: { origin: "http://foreign.example" }, connections: 16, duration: seconds });
  const http = [await submit(1), await submit(16), await submit(64)];
  const core = JSON.parse(benchScript("bench/grading-core.ts", [String(seconds), "1,16,64", quiz.id], options.databaseUrl)) as GradingCoreFigures[];
  return { http, frameworkCeiling: { ...frameworkCeiling, note: "the same route refused at its first check (foreign Origin): Next.js's own cost per request" }, core };
}
