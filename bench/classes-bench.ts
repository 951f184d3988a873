// The class page and its CSV for a class of 500 students, each with two attempts at every quiz and progress
// on every lesson (bench/seed-class.ts), over HTTP from `next start` as the instructor's browser asks:
// session cookie, full body read. Target (issue #16): under 1 s each on this machine. Sequential requests
// after two warm-ups; median, p90 and worst of the measured runs. Beside the wall time, the CPU time the
// server spent per request (from /proc): on a shared, loaded machine wall time includes waiting for a core,
// and CPU time says what the request itself costs.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { encode } from "next-auth/jwt";
import { type AppServer, authSecret } from "../scripts/reliability/app-server";

type Timing = { runs: number; medianMs: number; p90Ms: number; maxMs: number; cpuMedianMs: number | null; bytes: number; loadAverage: number };
const TICK_MS = 10; // Linux reports process CPU time in clock ticks of 1/100 s (getconf CLK_TCK)

/** User + system CPU time of a process and its children, in ms (Linux /proc); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  let ticks = 0;
  const visit = (id: number) => {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const child of readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // the process ended, or this is not Linux
    }
  };
  visit(pid);
  return ticks * TICK_MS;
}
const TSX = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function time(url: string, cookie: string, runs: number, pid: number | undefined): Promise<Timing> {
  const fetchOnce = async () => {
    const cpuBefore = cpuMs(pid);
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie, "accept-encoding": "gzip, deflate, br" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    const ms = performance.now() - started;
    const cpuAfter = cpuMs(pid);
    return { ms, bytes, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  };
  await fetchOnce();
  await fetchOnce();
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await fetchOnce());
  const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
  const cpu = results.map((result) => result.cpu).filter((value): value is number => value !== null).sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms);
  return {
    runs,
    medianMs: round(quantile(sorted, 0.5)),
    p90Ms: round(quantile(sorted, 0.9)),
    maxMs: round(sorted.at(-1)!),
    cpuMedianMs: cpu.length ? quantile(cpu, 0.5) : null,
    bytes: results[0]!.bytes,
    loadAverage: Number(loadavg()[0]!.toFixed(1)),
  };
}

export async function runClassesBench(server: AppServer, options: { databaseUrl: string; students?: number; runs?: number }) {
  const seeded = JSON.parse(
    execFileSync(process.execPath, [...TSX, "bench/seed-class.ts", String(options.students ?? 500)], { env: { ...process.env, DATABASE_URL: options.databaseUrl }, maxBuffer: 16 * 1024 * 1024 }).toString(),
  ) as { classId: string; instructor: { id: string; email: string; name: string; sessionId: string }; students: number; quizzes: number; lessons: number; attempts: number };
  const token = await encode({ secret: authSecret(), token: { sub: seeded.instructor.id, uid: seeded.instructor.id, sid: seeded.instructor.sessionId, email: seeded.instructor.email, name: seeded.instructor.name, role: "instructor" } });
  const cookie = `next-auth.session-token=${token}`;
  const runs = options.runs ?? 10;
  const base = `${server.url}/studio/classes/${seeded.classId}`;
  const csv = `${server.url}/api/classes/${seeded.classId}/gradebook`;
  return {
    class: { students: seeded.students, quizzes: seeded.quizzes, lessons: seeded.lessons, attempts: seeded.attempts },
    targetMs: 1000,
    page: await time(base, cookie, runs, server.child.pid),
    csv: {
      spreadsheet: await time(`${csv}?format=spreadsheet`, cookie, runs, server.child.pid),
      moodle: await time(`${csv}?format=moodle`, cookie, runs, server.child.pid),
      canvas: await time(`${csv}?format=canvas`, cookie, runs, server.child.pid),
    },
  };
}
