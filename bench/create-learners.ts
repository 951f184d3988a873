// Creates N learner accounts directly in the database and prints their ids as JSON. The benchmarks use
// it because password hashing (argon2id, deliberately slow) is sign-up's cost, not grading's.
//   DATABASE_URL=… tsx --conditions=react-server bench/create-learners.ts <count>
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const run = randomUUID().slice(0, 8);
  const rows = Array.from({ length: count }, (_, index) => ({ id: `bench-${run}-${index}`, email: `bench-${run}-${index}@example.com`, name: `Bench learner ${index}` }));
  await db().user.createMany({ data: rows });
  await db().$disconnect();
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
