// Builds the compile worker (compile-worker.ts and what it imports from lib/) into one ES module that Node
// runs as is: in production the Next server bundle cannot hand a worker thread its TypeScript, and under
// `npm run dev` neither can Turbopack. Dependencies stay in node_modules (packages: "external").
// content:build builds it; the pool rebuilds it on first use when it is missing or older than a source it
// was built from (an edit under `npm run dev`).
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { z } from "zod";
import { parseStoredJson } from "@/lib/db/stored-json";

const COMPILE_WORKER_ENTRY = path.join(process.cwd(), "lib", "studio", "compile-worker.ts");
const COMPILE_WORKER_FILE = path.join(process.cwd(), ".cache", "studio-compile", "worker.mjs");

// `import "server-only"` guards modules from client bundles; a worker thread is server code.
const serverOnly: Plugin = {
  name: "server-only",
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

export async function buildCompileWorker(outfile = COMPILE_WORKER_FILE): Promise<string> {
  const result = await build({
    entryPoints: [COMPILE_WORKER_ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [serverOnly],
    tsconfig: path.join(process.cwd(), "tsconfig.json"),
    metafile: true,
    write: false,
    logLevel: "silent",
    outfile,
  });
  await mkdir(path.dirname(outfile), { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(":")).map((input) => path.resolve(input));
  // Written beside and renamed, so a server starting meanwhile never loads half a file.
  const temporary = `${outfile}.${process.pid}.tmp`;
  await writeFile(temporary, result.outputFiles[0]!.contents);
  await writeFile(`${outfile}.inputs.json`, JSON.stringify(inputs));
  await rename(temporary, outfile);
  return outfile;
}

async function isFresh(outfile: string): Promise<boolean> {
  try {
    const built = (await stat(outfile)).mtimeMs;
    const inputs = parseStoredJson(z.array(z.string()), await readFile(`${outfile}.inputs.json`, "utf8"));
    if (!inputs.ok) return false; // a torn list: rebuild
    const times = await Promise.all(inputs.value.map((input) => stat(input).then((info) => info.mtimeMs, () => 0)));
    return times.every((time) => time <= built);
  } catch {
    return false;
  }
}

export async function ensureCompileWorker(outfile = COMPILE_WORKER_FILE): Promise<string> {
  return (await isFresh(outfile)) ? outfile : buildCompileWorker(outfile);
}
