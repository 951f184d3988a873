import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDecimal, parseDecimal, withinTolerance, type Decimal } from "./decimal";

const decimal = (text: string): Decimal => {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};
/** A decimal string from an integer mantissa and a power of ten, as an author or learner might write it. */
const written = (mantissa: bigint, exponent: number) => canonicalDecimal({ mantissa, exponent });
const decimals = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -8, max: 4 }));
const positive = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: -8, max: 2 }));

describe("parseDecimal", () => {
  it("accepts locale-free decimals with an optional exponent", () => {
    for (const text of ["0.7", "-0.7", "+3", ".5", "5.", "2.5e-3", "1E6", "-1.25E+2", "007"]) expect(parseDecimal(text).ok, text).toBe(true);
    expect(canonicalDecimal(decimal("7e-1"))).toBe("0.7");
    expect(canonicalDecimal(decimal("-1.25E+2"))).toBe("-125");
  });

  it("refuses commas, spaces, words, hex, Infinity and NaN, with a reason", () => {
    for (const text of ["0,7", "1 000", " 0.7", "0.7 ", "seven", "0x10", "Infinity", "NaN", "1e", "e5", "", ".", "-", "1.2.3", "1_000", "１"]) {
      const parsed = parseDecimal(text);
      expect(parsed.ok, text).toBe(false);
    }
    expect(parseDecimal("1e999999")).toMatchObject({ ok: false, reason: "is too large or too small" });
  });
});

describe("withinTolerance (property-based, exact at the edges)", () => {
  it("accepts exactly the edges of an absolute tolerance and refuses anything beyond", () => {
    fc.assert(
      fc.property(decimals, positive, fc.boolean(), ([m, e], [tm, te], above) => {
        const answer = written(m, e);
        const tolerance = { kind: "absolute" as const, value: written(tm, te) };
        const scale = Math.min(e, te) - 3;
        const t = tm * 10n ** BigInt(te - scale);
        const a = m * 10n ** BigInt(e - scale);
        const edge = above ? a + t : a - t;
        expect(withinTolerance(decimal(written(edge, scale)), answer, tolerance)).toBe(true);
        expect(withinTolerance(decimal(written(above ? edge + 1n : edge - 1n, scale)), answer, tolerance)).toBe(false);
        expect(withinTolerance(decimal(answer), answer, tolerance)).toBe(true);
      }),
    );
  });

  it("scales a relative tolerance by the answer's magnitude, edges included", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 1, max: 50 }), fc.boolean(), ([m, e], percent, above) => {
        const answer = written(m, e);
        const tolerance = { kind: "relative" as const, value: written(BigInt(percent), -2) };
        // |a| × percent / 100, exactly, at a scale fine enough to step just past it.
        const scale = e - 2 - 3;
        const a = m * 10n ** BigInt(e - scale);
        const allowed = ((m < 0n ? -m : m) * BigInt(percent) * 10n ** BigInt(e - 2 - scale));
        const edge = above ? a + allowed : a - allowed;
        expect(withinTolerance(decimal(written(edge, scale)), answer, tolerance)).toBe(true);
        if (m !== 0n) expect(withinTolerance(decimal(written(above ? edge + 1n : edge - 1n, scale)), answer, tolerance)).toBe(false);
      }),
    );
  });

  it("grades the course's own case: 0.7 ± 0.005 accepts 0.695 and 0.705 (floats would refuse 0.695)", () => {
    const tolerance = { kind: "absolute" as const, value: "0.005" };
    expect(0.7 - 0.695 <= 0.005).toBe(false); // why the comparison is not done in floating point
    for (const text of ["0.695", "0.705", "0.7", "7e-1", "0.70"]) expect(withinTolerance(decimal(text), "0.7", tolerance), text).toBe(true);
    for (const text of ["0.6949999", "0.7050001", "-0.7"]) expect(withinTolerance(decimal(text), "0.7", tolerance), text).toBe(false);
  });
});
