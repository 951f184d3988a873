// Prisma CLI configuration for the embedded SQLite database.
// Prisma 6.19's JS schema engine (engine: "js") needs no downloaded Rust binary, which this project requires.
// Migrations are applied by our own runner (lib/db/migrate.ts); see docs/decisions/0001-prisma-js-engine.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter() {
    const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./data/app.db";
    return Promise.resolve(new PrismaBetterSQLite3({ url }));
  },
});
