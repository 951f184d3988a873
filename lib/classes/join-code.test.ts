import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_ENTROPY_BITS, formatJoinCode, generateJoinCode, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("carry 40 bits: 8 characters of a 32-letter alphabet, with no look-alike letters", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(CODE_ENTROPY_BITS).toBe(40);
  });

  it("draws every character from the random source, uniformly over the alphabet", () => {
    expect(generateJoinCode(() => 0)).toBe("00000000");
    expect(generateJoinCode(() => 31)).toBe("ZZZZZZZZ");
    const counts = new Map<string, number>();
    for (let run = 0; run < 2000; run++) for (const char of generateJoinCode()) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 16,000 draws over 32 letters: 500 expected each; 350..650 is more than 6 standard deviations wide.
    expect(Math.min(...counts.values())).toBeGreaterThan(350);
    expect(Math.max(...counts.values())).toBeLessThan(650);
  });

  it("does not repeat in practice", () => {
    const codes = new Set(Array.from({ length: 5000 }, () => generateJoinCode()));
    expect(codes.size).toBe(5000);
  });

  it("reads back what it formats, however it is typed", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 8, maxLength: 8 }), (chars) => {
        const code = chars.join("");
        expect(normalizeJoinCode(code)).toBe(code);
        expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
        expect(normalizeJoinCode(` ${formatJoinCode(code).toLowerCase()} `)).toBe(code);
      }),
    );
  });

  it("reads look-alike letters as the digits they resemble", () => {
    expect(normalizeJoinCode("oIl2-3456")).toBe("01123456");
  });

  it("refuses anything that cannot be a code", () => {
    for (const bad of ["", "1234567", "123456789", "ABCD-EFGU", "ABCD_EFGH", "<script>", "ABCDEFGH".repeat(20), "ÄBCDEFGH"]) {
      expect(normalizeJoinCode(bad)).toBeNull();
    }
  });
});
