// Runs once when the server starts: a bad environment stops it with one clear line, before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    const clean = new Error(error.message);
    clean.stack = error.message; // one line, no stack: the message already names each bad variable
    throw clean;
  }
}
