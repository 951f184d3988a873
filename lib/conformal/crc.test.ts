import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrateStepLosses, isStepFeasible, maxRejections, stepRisk } from "./crc";
import { calibrateOnGrid, linearGrid, lossTableFamily, stepLossFamily } from "./grid";

// Worked examples from the project brief, §1 (B = 1).
const tenThresholds = [0.5, -0.1, 0.2, 0.9, 0.3, 0.0, 0.7, 0.4, 0.1, 0.6];
const nineScores = [-0.3, -0.1, 0, 0.02, 0.05, 0.1, 0.15, 0.3, 0.5];

describe("calibrateStepLosses: the brief's worked examples", () => {
  it.each([
    [0.2, 0.7],
    [0.3, 0.6],
    [0.1, 0.9],
    [0.5, 0.4],
  ])("n = 10, α = %s gives λ̂ = %s", (alpha, expected) => {
    const result = calibrateStepLosses(tenThresholds, alpha);
    expect(result.lambdaHat).toBe(expected);
    expect(result.path).toBe("exact-step");
    expect(result.feasible).toBe(true);
  });

  it.each([
    [0.25, 0.3],
    [0.35, 0.15],
    [0.5, 0.05],
  ])("n = 9, α = %s gives λ̂ = %s", (alpha, expected) => {
    expect(calibrateStepLosses(nineScores, alpha).lambdaHat).toBe(expected);
  });

  it("decides the tie α(n+1)/B = 5 with ≤, not <", () => {
    // At λ = 0.05 four scores exceed it: (9/10)(4/9) + 1/10 = 0.5 ≤ 0.5 holds with equality.
    expect(maxRejections(9, 0.5)).toBe(4);
    const result = calibrateStepLosses(nineScores, 0.5);
    expect(result.lambdaHat).toBe(0.05);
    expect(result.boundAtLambdaHat).toBeCloseTo(0.5, 12);
    // A strict test (as in the reference get_lhat) would have needed the next score up.
    expect(isStepFeasible(nineScores, 0.02, 0.5)).toBe(false);
  });

  it("reports no finite λ̂ when α < B/(n+1)", () => {
    const result = calibrateStepLosses(tenThresholds, 0.09);
    expect(result.lambdaHat).toBeNull();
    expect(result.feasible).toBe(false);
    expect(result.riskAtLambdaHat).toBeNull();
  });

  it("falls back to λ_max, marked infeasible, when Λ is bounded", () => {
    expect(calibrateStepLosses(tenThresholds, 0.09, { lambdaMax: 10 })).toMatchObject({ lambdaHat: 10, feasible: false });
    expect(calibrateStepLosses(tenThresholds, 0.1, { lambdaMax: 0.5 })).toMatchObject({ lambdaHat: 0.5, feasible: false });
  });

  it("gives λ̂ = 0 when every loss may be on, and never a negative λ̂", () => {
    expect(calibrateStepLosses([-1, -2, -3], 0.99, { B: 1 }).lambdaHat).toBe(0);
    expect(calibrateStepLosses([-1, -2, -3, -4], 0.5).lambdaHat).toBe(0);
  });

  it("reduces to split conformal for the miscoverage loss", () => {
    const scores = Array.from({ length: 99 }, (_, i) => (i * 37) % 99);
    const alpha = 0.1;
    const rank = Math.ceil((scores.length + 1) * (1 - alpha));
    const sorted = [...scores].sort((a, b) => a - b);
    expect(calibrateStepLosses(scores, alpha).lambdaHat).toBe(sorted[rank - 1]);
  });

  it("scales the count with B", () => {
    // B = 2, n = 9, α = 1: m = ⌊10/2 − 1⌋ = 4.
    expect(calibrateStepLosses(nineScores, 1, { B: 2 }).lambdaHat).toBe(0.05);
    expect(stepRisk(nineScores, 0.05, 2)).toBeCloseTo(8 / 9, 12);
  });

  it("rejects bad input", () => {
    expect(() => calibrateStepLosses([], 0.1)).toThrow();
    expect(() => calibrateStepLosses([0.1], 0)).toThrow();
    expect(() => calibrateStepLosses([Number.NaN, 1], 0.5)).toThrow();
  });
});

const scoresArb = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 200 });
const alphaArb = fc.double({ min: 0.005, max: 0.95, noNaN: true });

describe("calibrateStepLosses: properties", () => {
  it("λ̂ satisfies the CRC inequality and nothing smaller in [0, λ̂) does", () => {
    fc.assert(
      fc.property(scoresArb, alphaArb, (scores, alpha) => {
        const { lambdaHat } = calibrateStepLosses(scores, alpha);
        if (lambdaHat === null) {
          // No λ satisfies it: even above every score the +B/(n+1) term exceeds α.
          return !isStepFeasible(scores, Math.max(...scores) + 1, alpha);
        }
        if (!isStepFeasible(scores, lambdaHat, alpha)) return false;
        if (lambdaHat === 0) return true;
        const below = lambdaHat * (1 - 1e-12) - 1e-300;
        return !isStepFeasible(scores, below, alpha);
      }),
    );
  });

  it("λ̂ is non-increasing in α", () => {
    fc.assert(
      fc.property(scoresArb, alphaArb, alphaArb, (scores, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = calibrateStepLosses(scores, low).lambdaHat ?? Infinity;
        const atHigh = calibrateStepLosses(scores, high).lambdaHat ?? Infinity;
        return atHigh <= atLow;
      }),
    );
  });

  it("the exact and grid paths agree to the grid's resolution", () => {
    fc.assert(
      fc.property(scoresArb, alphaArb, fc.constantFrom<"scan" | "bisection">("scan", "bisection"), (scores, alpha, search) => {
        const exact = calibrateStepLosses(scores, alpha).lambdaHat;
        const grid = linearGrid(0, 2.5, 1000);
        const step = grid[1]! - grid[0]!;
        const onGrid = calibrateOnGrid(stepLossFamily(scores), alpha, grid, search);
        if (exact === null) return !onGrid.feasible;
        return onGrid.feasible && onGrid.lambdaHat! >= exact - 1e-12 && onGrid.lambdaHat! <= exact + step + 1e-12;
      }),
    );
  });

  it("the grid's bisection and scan find the same grid point", () => {
    fc.assert(
      fc.property(scoresArb, alphaArb, (scores, alpha) => {
        const grid = linearGrid(0, 2.5, 257);
        const scan = calibrateOnGrid(stepLossFamily(scores), alpha, grid, "scan");
        const bisection = calibrateOnGrid(stepLossFamily(scores), alpha, grid, "bisection");
        return scan.lambdaHat === bisection.lambdaHat && bisection.evaluations <= 10;
      }),
    );
  });
});

describe("calibrateOnGrid with a loss table", () => {
  it("calibrates general non-increasing losses and names its path", () => {
    // Three losses on a 4-point grid, B = 1: risks 1, 2/3, 1/3, 0 → (3/4)R + 1/4 ≤ 0.5 first at grid[2].
    const family = lossTableFamily([0, 1, 2, 3], [[1, 1, 0.5, 0], [1, 0.5, 0.5, 0], [1, 0.5, 0, 0]], 1);
    const result = calibrateOnGrid(family, 0.5, [0, 1, 2, 3], "scan");
    expect(result).toMatchObject({ lambdaHat: 2, feasible: true, path: "grid-scan", evaluations: 3 });
    expect(result.riskAtLambdaHat).toBeCloseTo(1 / 3, 12);
  });

  it("reports λ_max as infeasible when no grid point qualifies", () => {
    const family = lossTableFamily([0, 1], [[1, 1], [1, 1]], 1);
    expect(calibrateOnGrid(family, 0.5, [0, 1])).toMatchObject({ lambdaHat: 1, feasible: false });
  });

  it("rejects a table whose rows do not match the grid", () => {
    expect(() => lossTableFamily([0, 1], [[1]], 1)).toThrow(/grid/);
  });
});
