// The session-signing secret: NEXTAUTH_SECRET when set, otherwise one generated on first start and kept
// under data/, so sessions survive a restart without anyone having to configure a secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRET_FILE = path.join("data", ".nextauth-secret");

export function ensureAuthSecret(fromEnv: string | undefined, file = SECRET_FILE): string {
  if (fromEnv) return fromEnv;
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
