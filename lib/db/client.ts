import "server-only";
// One Prisma client per process, on SQLite (better-sqlite3) or PostgreSQL (pg) depending on DATABASE_URL.
// Both generated clients come from one schema source, so they expose the same model API; the PostgreSQL
// client is typed through the SQLite one (docs/decisions/0001-prisma-js-engine.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { databaseTarget, env } from "@/lib/env";

export type Db = PrismaClient;

function createClient(): Db {
  const target = databaseTarget(env().DATABASE_URL);
  if (target.provider === "sqlite") {
    // busy_timeout: concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 }) });
  }
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 20 }) });
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { afDb?: Db };

export function db(): Db {
  globalForDb.afDb ??= createClient();
  return globalForDb.afDb;
}
