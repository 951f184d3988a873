// npm run content:build [-- --watch] [course dirs...]
// Compiles every course into .content/ and exits non-zero, with path:line:col messages, if any lesson fails.
// Choice ids and quiz versions are keyed with the installation's secret (CHOICE_ID_SECRET, else data/.choice-id-secret,
// generated on first start); CONTENT_OUTPUT_DIR moves the output.
import { mkdirSync, renameSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../lib/content/build-content";
import { DEFAULT_COURSES_DIR } from "../lib/content/check-content";
import { formatDiagnostic } from "../lib/content/diagnostics";
import { defaultOutputDir } from "../lib/content/output-paths";
import { ensureChoiceIdSecret } from "../lib/content/quiz-secret";
import { parseEnv } from "../lib/env";
import { buildCompileWorker } from "../lib/studio/compile-worker-build";

const args = process.argv.slice(2);
const watchMode = args.includes("--watch");
const paths = args.filter((arg) => !arg.startsWith("--"));

const choiceIdSecret = ensureChoiceIdSecret(parseEnv(process.env).CHOICE_ID_SECRET);

async function buildOnce(): Promise<boolean> {
  const started = performance.now();
  const result = await buildContent({ paths: paths.length ? paths : undefined, salt: choiceIdSecret });
  for (const diagnostic of result.diagnostics) {
    (diagnostic.severity === "error" ? console.error : console.warn)(formatDiagnostic(diagnostic, process.cwd()));
  }
  const ms = Math.round(performance.now() - started);
  const kept = result.output.keptPrevious.length ? `; kept the last good output of ${result.output.keptPrevious.length}` : "";
  console.log(`content:build: ${result.lessons} lessons compiled, ${result.failedLessons} failed${kept} (${ms} ms)`);
  if (watchMode) writeDevStatus(result.diagnostics);
  return result.ok;
}

// Under `npm run dev` the open page listens for this file (app/api/dev/content-events) to refresh itself
// and to show compile errors with their file:line:col.
function writeDevStatus(diagnostics: Parameters<typeof formatDiagnostic>[0][]) {
  const file = path.join(defaultOutputDir(), "dev-status.json");
  mkdirSync(path.dirname(file), { recursive: true });
  const errors = diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, process.cwd()));
  writeFileSync(`${file}.tmp`, JSON.stringify({ builtAt: new Date().toISOString(), errors }));
  renameSync(`${file}.tmp`, file);
}

// The studio's compile worker runs outside the Next bundle, as plain JavaScript built from lib/ (decision 0005).
await buildCompileWorker();

if (!watchMode) {
  process.exitCode = (await buildOnce()) ? 0 : 1;
} else {
  await buildOnce();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const roots = paths.length ? paths : [DEFAULT_COURSES_DIR];
  for (const root of roots) {
    watch(root, { recursive: true }, (_event, name) => {
      if (name && !/\.(mdx|json)$/.test(name)) return;
      clearTimeout(timer);
      // Editors write in bursts; wait for the burst to end, and never run two builds at once.
      timer = setTimeout(() => {
        running = running.then(buildOnce);
      }, 100);
    });
  }
  console.log(`content:build: watching ${roots.join(", ")}`);
}
