import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalCdf } from "./normal-distribution";
import {
  clampGoodhartParams,
  drawGoodhartSample,
  expectedSelectedMeans,
  PRESSURE_FRACTIONS,
  pressureCurve,
  rankByProxy,
  regressionSlope,
  selectTopFraction,
  selectionCount,
} from "./regressional-goodhart";

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe("drawGoodhartSample", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = drawGoodhartSample(500, 42);
    const b = drawGoodhartSample(500, 42);
    const c = drawGoodhartSample(500, 43);
    expect(Array.from(a.trueValues)).toEqual(Array.from(b.trueValues));
    expect(Array.from(a.standardNoise)).toEqual(Array.from(b.standardNoise));
    expect(Array.from(a.trueValues)).not.toEqual(Array.from(c.trueValues));
  });

  it("keeps the same items when the sample grows", () => {
    const small = drawGoodhartSample(100, 9);
    const large = drawGoodhartSample(1000, 9);
    expect(Array.from(large.trueValues.slice(0, 100))).toEqual(Array.from(small.trueValues));
  });
});

describe("rankByProxy and selectTopFraction", () => {
  it("ranks by proxy, highest first, and keeps each item's pair together", () => {
    const draws = drawGoodhartSample(300, 5);
    const ranked = rankByProxy(draws, 0.7);
    for (let i = 1; i < ranked.proxies.length; i++) expect(ranked.proxies[i - 1]!).toBeGreaterThanOrEqual(ranked.proxies[i]!);
    const pairs = new Set(Array.from(draws.trueValues, (v, i) => `${v}|${v + 0.7 * draws.standardNoise[i]!}`));
    ranked.proxies.forEach((u, rank) => expect(pairs.has(`${ranked.trueValues[rank]}|${u}`)).toBe(true));
  });

  it("computes the selected means directly", () => {
    const ranked = rankByProxy(drawGoodhartSample(1000, 3), 1.2);
    const selection = selectTopFraction(ranked, 0.05);
    expect(selection.count).toBe(50);
    const top = Array.from(ranked.proxies.slice(0, 50));
    const topTrue = Array.from(ranked.trueValues.slice(0, 50));
    expect(selection.meanProxy).toBeCloseTo(top.reduce((s, x) => s + x, 0) / 50, 10);
    expect(selection.meanTrue).toBeCloseTo(topTrue.reduce((s, x) => s + x, 0) / 50, 10);
    expect(selection.threshold).toBe(top[49]);
  });

  it("always keeps at least one item and never more than all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (n, q) => {
        const k = selectionCount(n, q);
        expect(k).toBeGreaterThanOrEqual(1);
        expect(k).toBeLessThanOrEqual(n);
      }),
    );
  });

  it("has no gap when the proxy is the true value", () => {
    const selection = selectTopFraction(rankByProxy(drawGoodhartSample(1000, 8), 0), 0.1);
    expect(selection.gap).toBe(0);
  });
});

describe("closed form", () => {
  // Reference values from the content brief (§2.6: threshold selection with σ = 1, exact and
  // checked there against a 2M-sample simulation): keep U > t.
  it.each([
    [0, 1.128, 0.564],
    [1, 1.833, 0.916],
    [2, 2.639, 1.319],
    [3, 3.509, 1.754],
  ])("matches the brief's table for threshold t = %d", (t, proxy, trueValue) => {
    const fraction = 1 - normalCdf(t / Math.SQRT2); // sd(U) = √2 when σ = 1
    const theory = expectedSelectedMeans(1, fraction);
    expect(theory.meanProxy).toBeCloseTo(proxy, 3);
    expect(theory.meanTrue).toBeCloseTo(trueValue, 3);
  });

  it("predicts a gap that grows as selection gets harder, for any noise", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 3, noNaN: true }), (noiseSd) => {
        const gaps = PRESSURE_FRACTIONS.map((q) => expectedSelectedMeans(noiseSd, q).gap);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
      }),
    );
  });

  it("shrinks the proxy by 1 / (1 + σ²)", () => {
    expect(regressionSlope(0)).toBe(1);
    expect(regressionSlope(1)).toBe(0.5);
    expect(regressionSlope(2)).toBeCloseTo(0.2, 12);
  });
});

describe("simulation against theory", () => {
  it("selected true mean ≈ selected proxy mean / (1 + σ²), within sampling error", () => {
    // V − U/(1+σ²) is independent of U with variance σ²/(1+σ²), so selecting on U leaves the
    // residuals of the k kept items i.i.d.: their mean has standard error √(σ²/(1+σ²)/k).
    fc.assert(
      fc.property(
        seeds,
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.constantFrom(...PRESSURE_FRACTIONS),
        fc.integer({ min: 200, max: 5000 }),
        (seed, noiseSd, fraction, n) => {
          const selection = selectTopFraction(rankByProxy(drawGoodhartSample(n, seed), noiseSd), fraction);
          const slope = regressionSlope(noiseSd);
          const standardError = Math.sqrt((noiseSd * noiseSd * slope) / selection.count);
          expect(Math.abs(selection.meanTrue - selection.meanProxy * slope)).toBeLessThan(5 * standardError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("large samples match the population closed form within sampling error", () => {
    const noiseSd = 1;
    const ranked = rankByProxy(drawGoodhartSample(200_000, 11), noiseSd);
    for (const fraction of [0.5, 0.2, 0.05, 0.01]) {
      const selection = selectTopFraction(ranked, fraction);
      // sd of the kept proxies is at most sd(U) = √2; 5 standard errors.
      const tolerance = (5 * Math.SQRT2) / Math.sqrt(selection.count);
      expect(Math.abs(selection.meanProxy - selection.theory.meanProxy)).toBeLessThan(tolerance);
      expect(Math.abs(selection.meanTrue - selection.theory.meanTrue)).toBeLessThan(tolerance);
    }
  });

  it("the gap grows with selection pressure when averaged over seeds", () => {
    const fractions = [0.5, 0.2, 0.05, 0.01];
    const meanGaps = fractions.map((fraction) => {
      let total = 0;
      for (let seed = 1; seed <= 40; seed++) total += selectTopFraction(rankByProxy(drawGoodhartSample(5000, seed), 1), fraction).gap;
      return total / 40;
    });
    for (let i = 1; i < meanGaps.length; i++) expect(meanGaps[i]!).toBeGreaterThan(meanGaps[i - 1]!);
  });

  it("the pressure curve is deterministic for a seed", () => {
    const curve = (seed: number) => pressureCurve(rankByProxy(drawGoodhartSample(2000, seed), 0.8));
    expect(curve(17)).toEqual(curve(17));
    expect(curve(17)).not.toEqual(curve(18));
    expect(curve(17)).toHaveLength(PRESSURE_FRACTIONS.length);
  });
});

describe("clampGoodhartParams", () => {
  it("fills defaults and clamps into the slider ranges", () => {
    expect(clampGoodhartParams({})).toEqual({ noiseSd: 1, percentSelected: 5, sampleSize: 2000, seed: 1 });
    expect(clampGoodhartParams({ noiseSd: -1, percentSelected: 90, sampleSize: 1e9, seed: Number.NaN })).toEqual({
      noiseSd: 0,
      percentSelected: 50,
      sampleSize: 5000,
      seed: 1,
    });
  });
});
