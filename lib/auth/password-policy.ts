import "server-only";
// Which new passwords to refuse, following NIST SP 800-63B §5.1.1.2: no composition rules, but no
// password that is on a list of common or breached passwords, a repetition or sequence, or built from the
// user's own name or email. The list is zxcvbn-ts's maintained one (49,233 passwords from public breach
// corpora, in @zxcvbn-ts/language-common). zxcvbn's full estimator is not used: on this machine it took
// 40–130 ms per password on average and up to a second for crafted input, on the event loop
// (docs/decisions/0012-sessions-and-sign-in-limits.md). These checks take microseconds.
import { dictionary } from "@zxcvbn-ts/language-common";

const COMMON = new Set(dictionary["passwords-common"]);
// Words of this site that a password should not lean on.
const SITE_WORDS = ["alignment", "foundations", "alignmentfoundations"];
// Keyboard rows (QWERTY, QWERTZ, AZERTY), the digits and the alphabet, written twice so that wrapping runs count too.
const KEYBOARD_ROWS = ["`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./", "qwertzuiopü", "azertyuiop", "qsdfghjklm", "wxcvbn", "0123456789", "abcdefghijklmnopqrstuvwxyz"].map((row) => row + row);
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s", "!": "i", "|": "l", "+": "t" };
const SEPARATORS = /[\s._\-]+/g;
// A short run of digits and symbols before or after a word ("password1!", "2024monkey").
const AFFIX = /^[\d\W_]{1,4}|[\d\W_]{1,4}$/g;

export type PasswordContext = { email?: string; name?: string };

export const PASSWORD_PROBLEMS = {
  common: "This password is on lists of common passwords. Choose something harder to guess: a few unrelated words work well.",
  repetitive: "This password repeats a few characters. Choose something harder to guess: a few unrelated words work well.",
  sequence: "This password is a keyboard or alphabet sequence. Choose something harder to guess: a few unrelated words work well.",
  personal: "This password is too close to your name or email. Choose something others could not guess from them.",
} as const;

const deleet = (text: string) => [...text].map((char) => LEET[char] ?? char).join("");

/** The forms of a password an attacker's word list would also try. */
function variants(lower: string): string[] {
  const forms = new Set<string>();
  for (const joined of [lower, lower.replace(SEPARATORS, "")]) {
    const bare = joined.replace(AFFIX, "");
    for (const form of [joined, bare, deleet(joined), deleet(bare), deleet(joined).replace(AFFIX, "")]) forms.add(form);
  }
  return [...forms].filter((form) => form.length > 0);
}

function isCommon(lower: string): boolean {
  return variants(lower).some((form) => COMMON.has(form));
}

function isRepetitive(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size < 4) return true;
  // One short unit repeated: "abcabcabc", "p4ssp4ssp4ss".
  return /^(.{1,4})\1+$/su.test(password);
}

function isSequence(lower: string): boolean {
  const codes = [...lower].map((char) => char.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step)) return true;
  const reversed = [...lower].reverse().join("");
  return KEYBOARD_ROWS.some((row) => row.includes(lower) || row.includes(reversed));
}

function isPersonal(lower: string, context: PasswordContext): boolean {
  const email = context.email?.toLowerCase() ?? "";
  const words = [email, email.split("@")[0] ?? "", ...(context.name?.toLowerCase().split(/\s+/) ?? []), ...SITE_WORDS]
    .map((word) => word.replace(SEPARATORS, ""))
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  let rest = lower.replace(SEPARATORS, "");
  for (const word of words) rest = rest.split(word).join("");
  if (rest === lower.replace(SEPARATORS, "")) return false; // none of them is in it
  // What is left besides the name or email must be a password on its own.
  const leftover = rest.replace(/[\d\W_]/g, "");
  return leftover.length < 6 || isCommon(leftover);
}

/** Why this new password is refused, or null when it is acceptable. Length and blankness are checked by
 * the form schema (lib/auth/schemas.ts) before this runs. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const lower = password.normalize("NFKC").toLowerCase();
  if (isCommon(lower)) return PASSWORD_PROBLEMS.common;
  if (isRepetitive(lower)) return PASSWORD_PROBLEMS.repetitive;
  if (isSequence(lower)) return PASSWORD_PROBLEMS.sequence;
  if (isPersonal(lower, context)) return PASSWORD_PROBLEMS.personal;
  return null;
}
