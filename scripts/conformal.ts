// `npm run conformal -- calibrate <input.json>`: λ̂ without the UI. The input formats are in docs/conformal.md.
// Every failure is one line on stderr and exit status 1 (2 for usage); the output is JSON on stdout.
import { readFile } from "node:fs/promises";
import { ZodError } from "zod";
import { calibrateFromInput } from "../lib/conformal/calibrate-input";

const usage = "usage: npm run conformal -- calibrate <input.json>   (use - to read standard input)";

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv;
  if (command !== "calibrate" || !file) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    console.error(`${file}: cannot read the file (${code ? `${code}: ${describeErrno(code, message)}` : message})`);
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    console.error(`${file}: not valid JSON (${(error as Error).message})`);
    return 1;
  }
  try {
    console.log(JSON.stringify(calibrateFromInput(input), null, 2));
    return 0;
  } catch (error) {
    const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") : (error as Error).message;
    console.error(`${file}: ${message}`);
    return 1;
  }
}

/** "ENOENT: no such file or directory, open 'x'" → "no such file or directory" (the path is already named). */
function describeErrno(code: string, message: string): string {
  return message.replace(`${code}: `, "").replace(/, \w+ '.*'$/, "");
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

process.exitCode = await main(process.argv.slice(2));
