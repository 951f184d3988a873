// Prisma CLI configuration for PostgreSQL: used to generate the PostgreSQL client and to diff migrations.
// The schema next to this file is generated from prisma/schema.prisma (scripts/prisma-variants.mjs).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter() {
    return Promise.resolve(new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgres://localhost:5432/alignment" }));
  },
});
