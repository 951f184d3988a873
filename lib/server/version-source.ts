// Reads the course's content version straight from the database for the server entry, which runs outside
// the Next.js bundle (and so without lib/db/client.ts): one small read-only query per second. The value
// joins the studio's change counter with a fingerprint of the studio's lesson rows, so a change is seen
// even if the process that made it died between its write and its bump.
import Database from "better-sqlite3";
import pg from "pg";
import { databaseTarget } from "@/lib/env";
import type { VersionReader } from "./content-version";

const QUERY = `SELECT (SELECT "version" FROM "ContentVersion" WHERE "id" = 1) AS "version", (SELECT count(*) FROM "StudioLesson") AS "lessons", (SELECT max("updatedAt") FROM "StudioLesson") AS "updatedAt"`;

type Row = { version: number | string | null; lessons: number | string; updatedAt: Date | string | number | null };

const format = (row: Row | undefined) => {
  const updated = row?.updatedAt instanceof Date ? row.updatedAt.getTime() : String(row?.updatedAt ?? "");
  return `${row?.version ?? 0}.${row?.lessons ?? 0}.${updated}`;
};

export function openVersionSource(databaseUrl: string): { read: VersionReader; close(): Promise<void> } {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const database = new Database(target.file, { readonly: true, fileMustExist: true, timeout: 2000 });
    const statement = database.prepare(QUERY);
    // better-sqlite3 is synchronous; the promise settles with its result or its error.
    const settle = <T>(work: () => T) => new Promise<T>((resolve) => resolve(work()));
    return { read: () => settle(() => format(statement.get() as Row)), close: () => settle(() => void database.close()) };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1, idleTimeoutMillis: 0 });
  return {
    read: async () => format((await pool.query<Row>(QUERY)).rows[0]),
    close: () => pool.end(),
  };
}
