// Applies the SQL migrations in prisma/migrations (SQLite) or prisma/postgres/migrations (PostgreSQL).
// Our own small runner rather than `prisma migrate deploy`: see docs/decisions/0001-prisma-js-engine.md.
// Each migration runs in a transaction and is recorded with its checksum; a changed migration is refused.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type Recorded = { name: string; checksum: string };

/** The database side of the runner; one implementation per provider. */
export interface MigrationTarget {
  ensureTable(): Promise<void>;
  recorded(): Promise<Recorded[]>;
  /** Runs the SQL and records it, atomically. */
  apply(migration: Migration): Promise<void>;
  /** Serialises concurrent runners (several app instances starting at once). */
  withLock<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function runMigrations(target: MigrationTarget, migrations: Migration[]): Promise<MigrationResult> {
  return target.withLock(async () => {
    await target.ensureTable();
    const recorded = new Map((await target.recorded()).map((row) => [row.name, row.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum === undefined) {
        await target.apply(migration);
        result.applied.push(migration.name);
      } else if (checksum !== migration.checksum) {
        throw new Error(
          `migration ${migration.name} was changed after it was applied (checksum differs); write a new migration instead`,
        );
      } else {
        result.alreadyApplied.push(migration.name);
      }
    }
    return result;
  });
}

const TABLE = "_af_migrations";

export async function sqliteTarget(file: string): Promise<MigrationTarget> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  // better-sqlite3 is synchronous: each method still settles as a promise, a thrown error as a rejection.
  const settle = <T>(work: () => T) => new Promise<T>((resolve) => resolve(work()));
  return {
    ensureTable: () =>
      settle(() => {
        db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      }),
    recorded: () => settle(() => db.prepare(`SELECT name, checksum FROM "${TABLE}"`).all() as Recorded[]),
    apply: (migration) =>
      settle(() => {
        db.transaction(() => {
          db.exec(migration.sql);
          db.prepare(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(
            migration.name,
            migration.checksum,
            new Date().toISOString(),
          );
        }).immediate();
      }),
    withLock: (work) => work(), // BEGIN IMMEDIATE in apply() already serialises writers on one file.
    close: () =>
      settle(() => {
        db.close();
      }),
  };
}

export async function postgresTarget(connectionString: string): Promise<MigrationTarget> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString });
  await client.connect();
  const LOCK_KEY = 7_414_711; // any constant: one advisory lock for this app's migrations
  return {
    async ensureTable() {
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
      );
    },
    async recorded() {
      return (await client.query<Recorded>(`SELECT name, checksum FROM "${TABLE}"`)).rows;
    },
    async apply(migration) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [
          migration.name,
          migration.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async withLock(work) {
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    },
    async close() {
      await client.end();
    },
  };
}
