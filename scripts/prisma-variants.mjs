// Derives the PostgreSQL schema from the one SQLite schema source, so both providers stay in step.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const postgres = source
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace('url      = "file:../data/app.db"', 'url      = "postgresql://localhost:5432/unused"')
  .replace('output     = "../generated/prisma"', 'output     = "../../generated/prisma-pg"')
  .replace(/^\/\/ The one schema source[\s\S]*?\n\n/m, "// GENERATED from prisma/schema.prisma by scripts/prisma-variants.mjs. Do not edit.\n\n");
if (postgres === source || !postgres.includes('"postgresql"') || !postgres.includes("prisma-pg")) {
  throw new Error("prisma-variants: could not derive the PostgreSQL schema; check the generator and datasource blocks");
}
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", postgres);
