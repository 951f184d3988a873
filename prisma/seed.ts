// Idempotent seed: demo accounts and the compiled course's quiz versions. Safe to run on every start.
import { existsSync, readFileSync } from "node:fs";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { syncQuizVersions } from "@/lib/attempts/quiz-versions";
import { defaultOutputDir, outputPaths } from "@/lib/content/output-paths";
import { db } from "@/lib/db/client";
import { parseStoredJson, quizDefinitionsSchema } from "@/lib/db/stored-json";
import type { QuizDefinition } from "@/lib/quiz/types";

// Documented in the README. Demo only: change or remove these accounts on a public deployment.
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "student@example.com", name: "Demo Student", role: "student", password: "student-password" },
  { email: "instructor@example.com", name: "Demo Instructor", role: "instructor", password: "instructor-password" },
  { email: "admin@example.com", name: "Demo Admin", role: "admin", password: "admin-password" },
];

export async function seed(): Promise<{ accountsCreated: number; quizVersionsAdded: number }> {
  const database = db();
  let accountsCreated = 0;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await database.user.findUnique({ where: { email: account.email } });
    if (existing) {
      // Keep the documented password working, but never touch a role an admin has changed.
      if (!existing.passwordHash || !(await verifyPassword(existing.passwordHash, account.password))) {
        await database.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(account.password) } });
      }
      continue;
    }
    await database.user.create({
      data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
    });
    accountsCreated++;
  }
  const definitions = readCompiledDefinitions(outputPaths(defaultOutputDir()).quizzesFile);
  const quizVersionsAdded = await syncQuizVersions(database, definitions);
  return { accountsCreated, quizVersionsAdded };
}

/** The build's quiz definitions. A malformed file stops the seed with its name: seeding none would lose versions. */
function readCompiledDefinitions(file: string): QuizDefinition[] {
  if (!existsSync(file)) return [];
  const parsed = parseStoredJson(quizDefinitionsSchema, readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(`${file} is malformed (${parsed.problem}); run npm run content:build`);
  return parsed.value;
}

if (process.argv[1]?.endsWith("seed.ts")) {
  const result = await seed();
  console.log(`seed: ${result.accountsCreated} demo accounts created, ${result.quizVersionsAdded} quiz versions added`);
  await db().$disconnect();
}
