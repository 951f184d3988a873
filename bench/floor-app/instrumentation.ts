// The floor app has nothing to start; this file keeps Next from picking up the repository's instrumentation.ts.
export function register() {}
