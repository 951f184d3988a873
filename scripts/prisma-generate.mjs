// Generates both Prisma clients (SQLite and PostgreSQL) from the one schema source.
// Runs on `npm install` so a fresh clone has typed clients before anything imports them.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
execFileSync(process.execPath, ["scripts/prisma-variants.mjs"], { stdio: "inherit" });
for (const config of ["prisma.config.ts", "prisma/postgres/prisma.config.ts"]) {
  execFileSync("npx", ["--no-install", "prisma", "generate", "--config", config], { stdio: "inherit" });
}
