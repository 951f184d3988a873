// isUniqueViolation against the errors the real databases raise: a duplicate through Prisma's model API
// and through a raw INSERT, on SQLite and (where PostgreSQL's server binaries are installed, as .ci/run
// installs them) on a throw-away PostgreSQL. Other failures (a foreign-key violation, a NOT NULL column,
// a syntax error) must not read as duplicates.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { postgresTarget, readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";
import { findPostgresBin, startTempPostgres } from "@/scripts/pg-temp.mjs";
import { isUniqueViolation } from "./unique-violation";

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to fail");
}

function duplicateCases(name: string, connect: () => Promise<{ client: PrismaClient; close: () => Promise<void> }>) {
  describe(`isUniqueViolation on ${name}`, () => {
    let client: PrismaClient;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ client, close } = await connect());
    }, 60_000);
    afterAll(async () => {
      await client?.$disconnect();
      await close?.();
    });

    it("recognises P2002 from the model API", async () => {
      const email = `dup-${randomUUID()}@example.com`;
      await client.user.create({ data: { email, name: "First" } });
      const error = await caught(() => client.user.create({ data: { email, name: "Second" } }));
      expect((error as { code?: string }).code).toBe("P2002");
      expect(isUniqueViolation(error)).toBe(true);
    });

    it("recognises P2010 / UniqueConstraintViolation from a raw INSERT", async () => {
      const id = randomUUID();
      const insert = () => client.$executeRaw`INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt") VALUES (${id}, ${`${id}@example.com`}, ${"Raw"}, ${"student"}, ${new Date()}, ${new Date()})`;
      await insert();
      const error = await caught(insert);
      expect((error as { code?: string }).code).toBe("P2010");
      expect(isUniqueViolation(error)).toBe(true);
    });

    it("does not mistake other failures for duplicates", async () => {
      const foreignKey = await caught(() => client.session.create({ data: { id: randomUUID(), userId: "no-such-user", expiresAt: new Date() } }));
      const missingColumn = await caught(() => client.$executeRaw`INSERT INTO "User" ("id") VALUES (${randomUUID()})`);
      const syntax = await caught(() => client.$executeRawUnsafe(`INSERT INTO "User" VALUES`));
      for (const error of [foreignKey, missingColumn, syntax, new Error("P2002"), null, "P2002", { code: "P2010" }]) {
        expect(isUniqueViolation(error)).toBe(false);
      }
    });
  });
}

duplicateCases("SQLite", async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "af-unique-")), "test.db");
  const target = await sqliteTarget(file);
  await runMigrations(target, readMigrations("prisma/migrations"));
  await target.close();
  return { client: new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) }), close: () => Promise.resolve() };
});

const postgresInstalled = findPostgresBin() !== null;
if (!postgresInstalled) console.warn("unique-violation.test: PostgreSQL's server binaries are not installed; only SQLite was checked");
describe.runIf(postgresInstalled)("on PostgreSQL", () => {
  duplicateCases("PostgreSQL", async () => {
    const pg = await startTempPostgres();
    const target = await postgresTarget(pg.url);
    await runMigrations(target, readMigrations("prisma/postgres/migrations"));
    await target.close();
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: pg.url }) }) as unknown as PrismaClient;
    return { client, close: () => Promise.resolve(pg.stop()) };
  });
});
