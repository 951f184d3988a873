// Opaque choice ids and quiz versions, both keyed with the installation's secret (quiz-secret.ts), so nobody
// without it can compute them: a choice id reveals neither where the choice sits nor whether it is correct,
// and a version (which depends on the key) cannot be used to test guesses about the key.
import { createHmac, randomBytes } from "node:crypto";

function keyedHash(secret: string, parts: readonly unknown[]): string {
  return createHmac("sha256", secret).update(JSON.stringify(parts)).digest("hex");
}

/** The version changes whenever anything a grade depends on changes, and with the secret. */
export function quizVersion(normalisedDefinition: unknown, secret: string): string {
  return keyedHash(secret, ["quiz-version/2", normalisedDefinition]).slice(0, 16);
}

/**
 * A choice's id depends on its quiz, its item and its own text only: unchanged text keeps its id across
 * versions (so selections survive an edit elsewhere), and moving a choice does not change it.
 */
export function opaqueChoiceId(secret: string, quizId: string, itemId: string, choiceText: string): string {
  return keyedHash(secret, ["choice-id/2", quizId, itemId, choiceText]).slice(0, 16);
}

let processSecret: string | undefined;
/**
 * For analysis that stores nothing (content:check, tests): a random secret for this process, never a default.
 * Anything that is served (content:build, the studio) passes the installation's secret instead.
 */
export function ephemeralSecret(): string {
  processSecret ??= randomBytes(32).toString("base64url");
  return processSecret;
}
