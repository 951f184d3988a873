/** The magic comment V8 reads as "compile every function in this file eagerly". */
export const COMPILE_HINT: string;
/** Prepends the compile hint to the build's root main files; idempotent; returns the files it marked. */
export function markStartupChunks(distDir?: string): string[];
