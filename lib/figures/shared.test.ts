import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixed, grouped, percent, percentSignificant, signed, significant } from "./format";
import { clamp, clampToLimits } from "./limits";

describe("clamp", () => {
  it("keeps a value in its range, and sends what is not a finite number to the minimum", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: 0, max: 1e6 }), (value, min, width) => {
        const clamped = clamp(value, min, min + width);
        expect(clamped).toBeGreaterThanOrEqual(min);
        expect(clamped).toBeLessThanOrEqual(min + width);
        if (Number.isFinite(value) && value >= min && value <= min + width) expect(clamped).toBe(value);
      }),
    );
    expect(clamp(Number.NaN, 1, 5)).toBe(1);
    expect(clamp(Number.POSITIVE_INFINITY, 1, 5)).toBe(1);
  });

  it("fills in, clamps and rounds a figure's parameters", () => {
    const limits = { size: { min: 10, max: 100, initial: 50 }, noise: { min: 0, max: 1, initial: 0.5 } };
    expect(clampToLimits({}, limits)).toEqual({ size: 50, noise: 0.5 });
    expect(clampToLimits({ size: 12.6, noise: 7 }, limits, ["size"])).toEqual({ size: 13, noise: 1 });
    expect(clampToLimits({ size: Number.NaN, noise: -1 }, limits, ["size"])).toEqual({ size: 10, noise: 0 });
  });
});

describe("number formats", () => {
  it("print as the figures always have", () => {
    expect(fixed(0.1234)).toBe("0.12");
    expect(signed(-0.5)).toBe("−0.50");
    expect(signed(0.333, 1)).toBe("0.3");
    expect(percent(0.1234, 1)).toBe("12.3%");
    expect(percent(0.5)).toBe("50%");
    expect(percentSignificant(0.001)).toBe("0.1%");
    expect(percentSignificant(0.05)).toBe("5%");
    expect(significant(0.0078612)).toBe("0.00786");
    expect(significant(12.3456)).toBe("12.3");
    expect(significant(1234.5)).toBe("1235");
    expect(grouped(5000)).toBe("5,000");
  });
});
