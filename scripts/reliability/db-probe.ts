// Reads the test database directly (SQLite file or PostgreSQL), to count rows and to fingerprint the whole
// database before and after requests that must change nothing. Read-only.
import { createHash } from "node:crypto";
import path from "node:path";

export type DbProbe = {
  provider: "sqlite" | "postgresql";
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Row count per table and one digest over every row of every table but the attempt counters. */
  snapshot(): Promise<{ counts: Record<string, number>; digest: string }>;
  /** "ok", or what the database's own checker found: SQLite's integrity_check; on PostgreSQL, amcheck's
   * bt_index_check over every B-tree index of the app's tables, including that every row is indexed. */
  integrityCheck(): Promise<string>;
  close(): Promise<void>;
};

/** Counters that record attempts (lib/security/rate-limit.ts): a refused sign-in is meant to change them,
 * so the "a rejected request changes nothing" digest leaves them out. */
const ATTEMPT_COUNTERS = new Set(["RateLimiterFlexible"]);

export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./data/app.db";
}

export async function openDbProbe(url = databaseUrl()): Promise<DbProbe> {
  let query: DbProbe["query"];
  let tables: () => Promise<string[]>;
  let close: () => Promise<void>;
  let integrityCheck: () => Promise<string>;
  let provider: DbProbe["provider"];
  if (url.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(path.resolve(url.slice("file:".length)), { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 10000");
    provider = "sqlite";
    // "?" placeholders; the PostgreSQL path rewrites them to $1, $2…
    // better-sqlite3 is synchronous; each promise settles with its result or its error.
    const settle = <T,>(work: () => T) => new Promise<T>((resolve) => resolve(work()));
    query = <T,>(sql: string, params: unknown[] = []) => settle(() => db.prepare(sql).all(...params) as T[]);
    tables = () =>
      settle(() => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name));
    integrityCheck = () => settle(() => (db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((row) => row.integrity_check).join("; "));
    close = () => settle(() => void db.close());
  } else {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    provider = "postgresql";
    query = async <T,>(sql: string, params: unknown[] = []) => {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    };
    tables = async () => (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((row: { tablename: string }) => row.tablename);
    integrityCheck = async () => {
      // amcheck ships with PostgreSQL (contrib); creating the extension is the probe's only write.
      await client.query("CREATE EXTENSION IF NOT EXISTS amcheck");
      const indexes = await client.query(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_am am ON am.oid = c.relam WHERE n.nspname = 'public' AND am.amname = 'btree' ORDER BY c.relname`,
      );
      const problems: string[] = [];
      for (const { name } of indexes.rows as { name: string }[]) {
        try {
          await client.query("SELECT bt_index_check($1::regclass, true)", [`public."${name}"`]);
        } catch (error) {
          problems.push(`${name}: ${(error as Error).message}`);
        }
      }
      if (indexes.rows.length === 0) problems.push("no indexes found to check");
      return problems.length === 0 ? "ok" : problems.join("; ");
    };
    close = () => client.end();
  }
  return {
    provider,
    query,
    integrityCheck,
    async snapshot() {
      const hash = createHash("sha256");
      const counts: Record<string, number> = {};
      for (const table of await tables()) {
        if (ATTEMPT_COUNTERS.has(table)) continue;
        const rows = (await query(`SELECT * FROM "${table}"`)).map((row) => JSON.stringify(row)).sort();
        counts[table] = rows.length;
        hash.update(`${table}\n${rows.join("\n")}\n`);
      }
      return { counts, digest: hash.digest("hex") };
    },
    close,
  };
}
