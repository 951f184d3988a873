// The installation's choice-id secret: CHOICE_ID_SECRET when set (every instance that shares a database must set
// the same one, see docs/operations.md), otherwise one generated on first start and kept under data/, exactly
// as the session secret is. Never a default: a public salt let anyone compute which id was the authored first choice.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const CHOICE_ID_SECRET_FILE = path.join("data", ".choice-id-secret");
const MIN_LENGTH = 32;

export function ensureChoiceIdSecret(fromEnv: string | undefined, file = CHOICE_ID_SECRET_FILE): string {
  if (fromEnv) return fromEnv;
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= MIN_LENGTH) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

let cached: string | undefined;
/** The secret for this process (the studio compiles in the server), read or generated once. */
export function installationChoiceIdSecret(fromEnv: string | undefined): string {
  cached ??= ensureChoiceIdSecret(fromEnv);
  return cached;
}
