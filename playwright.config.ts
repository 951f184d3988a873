import { defineConfig, devices } from "@playwright/test";

// scripts/test.mjs picks a free port and a browser and builds the app first; see README.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromiumPath = process.env.CHROMIUM_PATH;
const onPostgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
const DATABASE_SPECS = [
  "reliability/**/*.spec.ts",
  "account.spec.ts",
  "auth.spec.ts",
  "classes.spec.ts",
  "hostile-student.spec.ts",
  "numeric.spec.ts",
  "quiz.spec.ts",
  "redirects.spec.ts",
  "studio.spec.ts",
];

export default defineConfig({
  testDir: "e2e",
  // The PostgreSQL pass runs the journeys whose outcome depends on the database (writes, uniqueness,
  // locking, limits, sessions, several instances); pages that only render compiled content (figures, the
  // sandbox, lesson rendering, axe on static pages, the studio compiler) behave the same on either database
  // and run once, in the SQLite pass. Several instances are a PostgreSQL setup (docs/operations.md): the
  // coherence spec runs in that pass only.
  ...(onPostgres
    ? { testMatch: [...DATABASE_SPECS] }
    : { testIgnore: ["reliability/coherence.spec.ts"] }),
  fullyParallel: false,
  workers: 1, // one server, one SQLite file, two cores: serial is faster and deterministic
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs --no-build",
    url: `http://localhost:${port}/api/health`,
    env: { PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}` },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
