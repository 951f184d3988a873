import "server-only";
// The one compile pool of this server process. Kept on globalThis so a module reload under `npm run dev`
// reuses it instead of starting another set of workers.
import { createCompilePool, type CompilePool } from "./compile-pool";
import { ensureCompileWorker } from "./compile-worker-build";

const KEY = Symbol.for("alignment-foundations.studio-compile-pool");
type Holder = { [KEY]?: CompilePool };

export function studioCompilePool(): CompilePool {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createCompilePool(ensureCompileWorker()));
}

/** Starts the pool (its first worker loads the compiler, KaTeX and Shiki) without waiting: the editor page
 * calls it, so the first preview meets a warm worker. */
export function warmStudioCompiler(): void {
  studioCompilePool();
}
