// Join codes: 8 characters of Crockford's base-32 alphabet (digits and capitals without I, L, O, U, so a
// code read aloud or copied from a slide cannot be mistyped into another one). 32^8 = 2^40 ≈ 1.1 × 10^12
// codes, drawn with crypto.randomInt; with joins rate-limited (join-throttle.ts) guessing one is hopeless:
// see docs/teaching.md for the arithmetic. The same code makes the link /join/<code>.
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 8;
export const CODE_ENTROPY_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length); // 40

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** "7KQ2-M9XD": how a code is shown and put in links; the hyphen is only for reading. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a student typed (or a link carried) as a stored code, or null when it cannot be one. Case, spaces
 * and hyphens do not matter, and the letters Crockford's alphabet leaves out are read as the digits they
 * look like (O → 0, I and L → 1).
 */
export function normalizeJoinCode(input: string): string | null {
  if (input.length > 40) return null;
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return CODE_PATTERN.test(code) ? code : null;
}
