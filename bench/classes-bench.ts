// The class page and its CSV for a class of 500 students, each with two attempts at every quiz and progress
// on every lesson (bench/seed-class.ts), over HTTP from `next start` as the instructor's browser asks:
// session cookie, full body read. Target (issue #16): under 1 s each on this machine. Sequential requests
// after two warm-ups; median, p90 and worst of the measured runs.
import { execFileSync } from "node:child_process";
import { encode } from "next-auth/jwt";
import { type AppServer, authSecret } from "../scripts/reliability/app-server";

type Timing = { runs: number; medianMs: number; p90Ms: number; maxMs: number; bytes: number };
const TSX = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function time(url: string, cookie: string, runs: number): Promise<Timing> {
  const fetchOnce = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie, "accept-encoding": "gzip, deflate, br" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { ms: performance.now() - started, bytes };
  };
  await fetchOnce();
  await fetchOnce();
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await fetchOnce());
  const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms);
  return { runs, medianMs: round(quantile(sorted, 0.5)), p90Ms: round(quantile(sorted, 0.9)), maxMs: round(sorted.at(-1)!), bytes: results[0]!.bytes };
}

export async function runClassesBench(server: AppServer, options: { databaseUrl: string; students?: number; runs?: number }) {
  const seeded = JSON.parse(
    execFileSync(process.execPath, [...TSX, "bench/seed-class.ts", String(options.students ?? 500)], { env: { ...process.env, DATABASE_URL: options.databaseUrl }, maxBuffer: 16 * 1024 * 1024 }).toString(),
  ) as { classId: string; instructor: { id: string; email: string; name: string }; students: number; quizzes: number; lessons: number; attempts: number };
  const token = await encode({ secret: authSecret(), token: { sub: seeded.instructor.id, uid: seeded.instructor.id, email: seeded.instructor.email, name: seeded.instructor.name, role: "instructor" } });
  const cookie = `next-auth.session-token=${token}`;
  const runs = options.runs ?? 10;
  const base = `${server.url}/studio/classes/${seeded.classId}`;
  const csv = `${server.url}/api/classes/${seeded.classId}/gradebook`;
  return {
    class: { students: seeded.students, quizzes: seeded.quizzes, lessons: seeded.lessons, attempts: seeded.attempts },
    targetMs: 1000,
    page: await time(base, cookie, runs),
    csv: {
      spreadsheet: await time(`${csv}?format=spreadsheet`, cookie, runs),
      moodle: await time(`${csv}?format=moodle`, cookie, runs),
      canvas: await time(`${csv}?format=canvas`, cookie, runs),
    },
  };
}
