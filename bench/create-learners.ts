// Creates N learner accounts directly in the database, each with a live session (the Session row a sign-in
// would create; lib/auth/session-store.ts), and prints them as JSON. The benchmarks use it because password
// hashing (argon2id, deliberately slow) is sign-up's cost, not grading's.
//   DATABASE_URL=… tsx --conditions=react-server bench/create-learners.ts <count>
import { randomUUID } from "node:crypto";
import { SESSION_IDLE_MS } from "@/lib/auth/session-store";
import { db } from "@/lib/db/client";

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const run = randomUUID().slice(0, 8);
  const rows = Array.from({ length: count }, (_, index) => ({ id: `bench-${run}-${index}`, email: `bench-${run}-${index}@example.com`, name: `Bench learner ${index}` }));
  await db().user.createMany({ data: rows });
  // As a sign-in leaves it (lib/auth/session-store.ts startSession): a full idle period ahead, so no renewal is due.
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await db().session.createMany({ data: rows.map((row) => ({ id: `${row.id}-session`, userId: row.id, expiresAt })) });
  await db().$disconnect();
  process.stdout.write(`${JSON.stringify(rows.map((row) => ({ ...row, sessionId: `${row.id}-session` })))}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
