// Readies the database for the app: validates the environment, applies migrations and seeds.
// Called by `npm start` and by the test harness; every step is idempotent.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { postgresTarget, readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";
import { databaseTarget, EnvError, parseEnv } from "@/lib/env";

async function main() {
  const env = parseEnv(process.env);
  ensureAuthSecret(env.NEXTAUTH_SECRET);
  const target = databaseTarget(env.DATABASE_URL);
  const migrationTarget =
    target.provider === "sqlite"
      ? (mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true }), await sqliteTarget(target.file))
      : await postgresTarget(target.url);
  const dir = target.provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations";
  try {
    const result = await runMigrations(migrationTarget, readMigrations(dir));
    console.log(`migrate: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied (${target.provider})`);
  } finally {
    await migrationTarget.close();
  }
  const { seed } = await import("../prisma/seed");
  const seeded = await seed();
  console.log(`seed: ${seeded.accountsCreated} demo accounts created, ${seeded.quizVersionsAdded} quiz versions added`);
  const { db } = await import("@/lib/db/client");
  await db().$disconnect();
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : `prepare failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
