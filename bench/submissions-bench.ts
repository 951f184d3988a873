// Graded and persisted quiz submissions per second through the real route (session cookie, Origin check,
// zod, grading, the attempt insert), measured with autocannon at 1 and 64 connections, with the server's
// peak RSS under load. Each request carries a fresh submissionId, so every one is a new stored attempt.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { AppServer } from "../scripts/reliability/app-server";
import { runPool, SessionClient } from "../scripts/reliability/session-client";

export type LoadFigures = { connections: number; requests: number; seconds: number; perSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number; peakRssMb?: number };

/** Resident memory of a process and its children, in MB (Linux /proc). */
export function groupRssMb(pid: number): number {
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
      if (error) return reject(error);
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

export async function runSubmissionsBench(server: AppServer, options: { seconds?: number; learners?: number } = {}) {
  const quiz = (JSON.parse(readFileSync(".content/server/quizzes.json", "utf8")) as { id: string; version: string; items: { id: string; choices: { id: string }[] }[] }[]).find((q) => q.id === "l2-check")!;
  const responses = Object.fromEntries(quiz.items.map((item) => [item.id, [item.choices[0]!.id]]));
  const learners = Array.from({ length: options.learners ?? 64 }, () => new SessionClient(server.url));
  await runPool(learners, 4, (client, index) => client.signUpAndSignIn({ name: `Bench ${index}`, email: `bench-${randomUUID()}@example.com`, password: "a-long-password" }));
  let next = 0;
  const run = (connections: number) =>
    autocannonRun(
      {
        url: server.url,
        connections,
        duration: options.seconds ?? 5,
        requests: [
          {
            method: "POST",
            path: `/api/quizzes/${quiz.id}/attempts`,
            setupRequest: (request) => {
              const learner = learners[next++ % learners.length]!;
              return {
                ...request,
                headers: { ...request.headers, "content-type": "application/json", origin: server.url, cookie: learner.cookieHeader },
                body: JSON.stringify({ quizId: quiz.id, quizVersion: quiz.version, submissionId: randomUUID(), responses }),
              };
            },
          },
        ],
      },
      server.child.pid,
    );
  const one = await run(1);
  const many = await run(64);
  return { one, many };
}
