// Writes a new migration for both providers by diffing the committed schema (git HEAD) against the working one.
// `prisma migrate dev` needs a shadow database, which the JS schema engine cannot replay here (docs/decisions/0001).
// Usage: node scripts/db-new-migration.mjs <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTempPostgres } from "./pg-temp.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/db-new-migration.mjs <snake_case_name>");
  process.exit(2);
}
execFileSync(process.execPath, ["scripts/prisma-variants.mjs"], { stdio: "inherit" });

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const targets = [
  { schema: "prisma/schema.prisma", config: "prisma.config.ts", dir: "prisma/migrations", provider: "sqlite" },
  { schema: "prisma/postgres/schema.prisma", config: "prisma/postgres/prisma.config.ts", dir: "prisma/postgres/migrations", provider: "postgresql" },
];

// The JS schema engine opens a connection even for a pure diff, so PostgreSQL needs a live (throw-away) server.
const pg = process.env.DATABASE_URL?.startsWith("postgres") ? null : await startTempPostgres();
const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : pg.url;

try {
  for (const target of targets) {
    const hasMigrations = readdirSync(target.dir, { withFileTypes: true }).some((entry) => entry.isDirectory());
    let from = ["--from-empty"];
    if (hasMigrations) {
      // The committed schema is what the existing migrations produce.
      const previous = execFileSync("git", ["show", `HEAD:${target.schema}`], { encoding: "utf8" });
      const previousPath = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
      writeFileSync(previousPath, previous);
      from = ["--from-schema-datamodel", previousPath];
    }
    const sql = execFileSync(
      "npx",
      ["--no-install", "prisma", "migrate", "diff", "--config", target.config, ...from, "--to-schema-datamodel", target.schema, "--script"],
      { encoding: "utf8", env: target.provider === "postgresql" ? { ...process.env, DATABASE_URL: pgUrl } : process.env },
    );
    const folder = path.join(target.dir, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    writeFileSync(path.join(target.dir, "migration_lock.toml"), `provider = "${target.provider}"\n`);
    console.log(`wrote ${folder}/migration.sql`);
  }
} finally {
  pg?.stop();
}
