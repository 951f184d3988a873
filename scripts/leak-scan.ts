// Answer-key leak scan, run after `next build` and in CI:
//   npx tsx scripts/leak-scan.ts --definitions .content/server/quizzes.json --static .next/static \
//     --html <dirs-or-files...> --rsc <dirs-or-files...> [--min-length 24] [--window 40] [--coverage-threshold 0.5]
//     [--verbose] [--allow-empty]
// Exit codes: 0 clean, 1 leaks found, 2 bad usage or unreadable input (a scan that cannot run must not pass).
// The logic is lib/quiz/leak-scan.ts; this file only reads files and prints.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { z } from "zod";
import { formatLeak, scanForLeaks, type ScannableQuiz, type ScannedFile } from "../lib/quiz/leak-scan";

const BINARY_EXTENSIONS = new Set([
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp", ".woff", ".woff2", ".ttf", ".otf", ".eot",
  ".mp3", ".mp4", ".webm", ".wasm", ".pdf", ".zip", ".gz", ".br", ".db", ".sqlite",
]);

const choiceSchema = z.object({ id: z.string(), labelHtml: z.string().optional(), feedbackHtml: z.string().nullish() });
const itemSchema = z.object({
  id: z.string(),
  promptHtml: z.string().optional(),
  explanationHtml: z.string().nullish(),
  choices: z.array(choiceSchema),
  numericKey: z.object({ feedbackCorrectHtml: z.string().nullish(), feedbackIncorrectHtml: z.string().nullish() }).optional(),
});
const quizSchema = z.object({ id: z.string(), items: z.array(itemSchema) });
/** The definitions file may be a list, { quizzes: [...] }, or a map from quiz id to definition. */
const definitionsFileSchema = z.union([
  z.array(quizSchema),
  z.object({ quizzes: z.array(quizSchema) }).transform((file) => file.quizzes),
  z.record(z.string(), quizSchema).transform((map) => Object.values(map)),
]);

type Args = {
  definitions: string;
  targets: Array<{ group: string; path: string }>;
  minLength?: number;
  windowLength?: number;
  coverageThreshold?: number;
  verbose: boolean;
  allowEmpty: boolean;
};

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { definitions: ".content/server/quizzes.json", targets: [], verbose: false, allowEmpty: false };
  let group: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 8) throw new UsageError(`${arg} needs a whole number ≥ 8`);
      return value;
    };
    if (arg === "--definitions") {
      const value = argv[++i];
      if (!value || value.startsWith("--")) throw new UsageError("--definitions needs a file");
      args.definitions = value;
      group = null;
    } else if (arg === "--static" || arg === "--html" || arg === "--rsc") group = arg.slice(2);
    else if (arg === "--min-length") args.minLength = number();
    else if (arg === "--window") args.windowLength = number();
    else if (arg === "--coverage-threshold") {
      const value = Number(argv[++i]);
      if (!(value >= 0 && value < 1)) throw new UsageError("--coverage-threshold needs a number from 0 (any window) to below 1");
      args.coverageThreshold = value;
    }
    else if (arg === "--verbose") args.verbose = true;
    else if (arg === "--allow-empty") args.allowEmpty = true;
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (group) args.targets.push({ group, path: arg });
    else throw new UsageError(`${arg}: say which kind of file it is with --static, --html or --rsc`);
  }
  if (args.targets.length === 0) throw new UsageError("nothing to scan: give --static, --html or --rsc paths");
  return args;
}

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) throw new UsageError(`${path} does not exist`);
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) yield* filesUnder(join(path, entry));
  } else yield path;
}

function* readTextFiles(targets: Args["targets"], skipped: string[]): Generator<ScannedFile> {
  for (const { path } of targets) {
    for (const file of filesUnder(path)) {
      if (BINARY_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      const bytes = readFileSync(file);
      if (bytes.subarray(0, 8192).includes(0)) {
        skipped.push(file);
        continue;
      }
      yield { path: file, text: bytes.toString("utf8") };
    }
  }
}

function loadDefinitions(path: string): ScannableQuiz[] {
  if (!existsSync(path)) throw new UsageError(`definitions file ${path} does not exist (run npm run content:build first)`);
  const parsed = definitionsFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new UsageError(`${path} is not a list of quiz definitions: ${parsed.error.issues[0]?.message ?? ""}`);
  return parsed.data;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  const quizzes = loadDefinitions(args.definitions);
  if (quizzes.length === 0 && !args.allowEmpty) throw new UsageError(`${args.definitions} holds no quizzes (pass --allow-empty if that is intended)`);

  const started = performance.now();
  const skippedBinary: string[] = [];
  const result = scanForLeaks(quizzes, readTextFiles(args.targets, skippedBinary), {
    minLength: args.minLength,
    windowLength: args.windowLength,
    coverageThreshold: args.coverageThreshold,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const itemCount = quizzes.reduce((sum, quiz) => sum + quiz.items.length, 0);
  console.log(
    `leak-scan: ${quizzes.length} quizzes, ${itemCount} items, ${result.secrets.length} secret strings ` +
      `(${result.secrets.reduce((sum, s) => sum + s.needles.length, 0)} needles) in ${result.filesScanned} files, ${seconds}s`,
  );
  if (result.tooShort.length > 0) {
    console.warn(`leak-scan: ${result.tooShort.length} strings are too short to check reliably${args.verbose ? ":" : " (--verbose lists them)"}`);
    if (args.verbose) for (const s of result.tooShort) console.warn(`  ${s.quizId} / ${s.itemId}${s.choiceId ? ` / ${s.choiceId}` : ""} ${s.kind}: "${s.text}"`);
  }
  if (args.verbose && skippedBinary.length > 0) console.warn(`leak-scan: skipped ${skippedBinary.length} binary files`);
  if (result.leaks.length === 0) {
    console.log("leak-scan: no leaks");
    return 0;
  }
  console.error(`leak-scan: ${result.leaks.length} LEAKS`);
  for (const leak of result.leaks) console.error(`  ${formatLeak(leak)}`);
  return 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`leak-scan: ${error instanceof UsageError ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 2;
}
