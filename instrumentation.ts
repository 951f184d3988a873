// Runs once when the server starts: a bad environment stops it with one clear line, before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  const { APP_SERVER_MARK } = await import("./lib/server/client-address");
  // `next start` alone would let a client forge the client-address header the rate limits key on.
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build" && !process.env[APP_SERVER_MARK]) {
    const clean = new Error("Start the app with `npm start` (scripts/start.mjs), which runs the app server (scripts/server.ts) in front of Next.js; `next start` alone is not supported.");
    clean.stack = clean.message;
    throw clean;
  }
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    const clean = new Error(error.message);
    clean.stack = error.message; // one line, no stack: the message already names each bad variable
    throw clean;
  }
}
