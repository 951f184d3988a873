// Exact decimals for numeric items. A learner's "0.695" and an author's answer={0.7} tolerance={0.005} are
// compared as the decimals they are (BigInt mantissa and a power of ten), not as binary floats, in which
// 0.7 − 0.695 = 0.005000000000000004 and the edge of the tolerance would be refused.

/** A locale-free decimal with an optional exponent: "0.7", "-.5", "2.5e-3", "1E6". No commas, spaces, hex, Infinity. */
export const DECIMAL_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Exponents beyond this are refused: no answer needs them, and they would make the BigInts huge. */
const MAX_EXPONENT = 400;

/** value = mantissa × 10^exponent */
export type Decimal = { mantissa: bigint; exponent: number };

export type DecimalParse = { ok: true; value: Decimal } | { ok: false; reason: string };

export function parseDecimal(text: string): DecimalParse {
  if (!DECIMAL_PATTERN.test(text)) return { ok: false, reason: "is not a number; write a decimal with a point, such as 0.25 or 2.5e-3" };
  const [coefficient = "", exponentText] = text.split(/[eE]/);
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const negative = coefficient.startsWith("-");
  const unsigned = coefficient.replace(/^[+-]/, "");
  const [whole = "", fraction = ""] = unsigned.split(".");
  const scale = exponent - fraction.length;
  if (!Number.isSafeInteger(exponent) || Math.abs(scale) > MAX_EXPONENT || whole.length + fraction.length > MAX_EXPONENT) {
    return { ok: false, reason: "is too large or too small" };
  }
  const magnitude = BigInt(`${whole}${fraction}` || "0");
  return { ok: true, value: { mantissa: negative ? -magnitude : magnitude, exponent: scale } };
}

/** Both values over one power of ten, so they compare as integers. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.mantissa * 10n ** BigInt(a.exponent - exponent), b.mantissa * 10n ** BigInt(b.exponent - exponent)];
}

function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y] = aligned(a, b);
  return { mantissa: x - y, exponent: Math.min(a.exponent, b.exponent) };
}

function multiply(a: Decimal, b: Decimal): Decimal {
  return { mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent };
}

function abs(a: Decimal): Decimal {
  return { mantissa: a.mantissa < 0n ? -a.mantissa : a.mantissa, exponent: a.exponent };
}

function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The tolerance of a numeric item: absolute, or relative to the answer's magnitude. */
export type Tolerance = { kind: "absolute" | "relative"; value: string };

/** Whether `response` is within the tolerance of `answer`, edges included. All three are decimal strings. */
export function withinTolerance(response: Decimal, answer: string, tolerance: Tolerance): boolean {
  const key = parseDecimal(answer);
  const slack = parseDecimal(tolerance.value);
  if (!key.ok || !slack.ok) return false;
  const allowed = tolerance.kind === "absolute" ? slack.value : multiply(slack.value, abs(key.value));
  return compare(abs(subtract(response, key.value)), allowed) <= 0;
}

/** A canonical spelling ("7e-1" and "0.70" are both "0.7"), for counting answers in analytics. */
export function canonicalDecimal(value: Decimal): string {
  if (value.mantissa === 0n) return "0";
  let { mantissa, exponent } = value;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  const negative = mantissa < 0n;
  const digits = (negative ? -mantissa : mantissa).toString();
  let text: string;
  if (exponent >= 0) text = exponent > 20 ? `${digits}e${exponent}` : digits + "0".repeat(exponent);
  else if (-exponent < digits.length) text = `${digits.slice(0, digits.length + exponent)}.${digits.slice(digits.length + exponent)}`;
  else text = -exponent - digits.length > 20 ? `${digits}e${exponent}` : `0.${"0".repeat(-exponent - digits.length)}${digits}`;
  return negative ? `-${text}` : text;
}
