// The calculator's edge cases from issue 17: the tie tolerance on both paths, strict input, a
// negative λ_max, loss tables that increase, and a missing input file.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrateFromInput } from "./calibrate-input";
import { calibrateStepLosses, maxRejections } from "./crc";
import { calibrateOnGrid, lossTableFamily, stepLossFamily } from "./grid";

describe("tie snapping on the exact path", () => {
  it("does not take an α 1e-9 below a tie for the tie", () => {
    expect(maxRejections(1, 0.4999999996)).toBe(-1);
    expect(calibrateFromInput({ alpha: 0.4999999996, thresholds: [0.3] })).toMatchObject({ lambdaHat: null, feasible: false });
    expect(calibrateFromInput({ alpha: 0.5, thresholds: [0.3] })).toMatchObject({ lambdaHat: 0.3, feasible: true });
  });

  it("still takes every decimal tie α = jB/(n+1) as the tie, for any B", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), fc.constantFrom(1, 0.1, 0.3, 0.7, 2, 3, 10), (n, seed, B) => {
        const j = 1 + (seed % n); // α = jB/(n+1) < B
        expect(maxRejections(n, (j * B) / (n + 1), B)).toBe(j - 1);
      }),
    );
    expect(maxRejections(99, 0.29)).toBe(28); // the decimal example of docs/conformal.md
  });

  it("does not snap an α that misses a tie by more than rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), fc.double({ min: 1e-13, max: 1e-9, noNaN: true }), (n, seed, miss) => {
        const j = 1 + (seed % n);
        expect(maxRejections(n, (j / (n + 1)) * (1 - miss))).toBe(j - 2);
      }),
    );
  });
});

describe("tie snapping on the grid path", () => {
  it("does not take an α 1e-9 below a tie for the tie", () => {
    const out = calibrateFromInput({ alpha: 0.4999999996, losses: { grid: [0, 1], values: [[1, 0]] }, search: "scan" });
    expect(out).toMatchObject({ lambdaHat: 1, feasible: false });
  });

  it("gives the same answer when losses, B and α are scaled together (the tolerance scales with B)", () => {
    const table = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 400 }), fc.constantFrom(1e-12, 1e-6, 1e6), (rows, alphaSteps, scale) => {
        const monotone = rows.map((row) => [...row].sort((a, b) => b - a).map((v) => v / 4)); // in [0, 1], non-increasing
        const grid = [0, 1, 2, 3];
        const alpha = alphaSteps / 401; // in (0, 1)
        const unit = calibrateOnGrid(lossTableFamily(grid, monotone, 1), alpha, grid, "scan");
        const scaled = calibrateOnGrid(lossTableFamily(grid, monotone.map((row) => row.map((v) => v * scale)), scale), alpha * scale, grid, "scan");
        expect({ lambdaHat: scaled.lambdaHat, feasible: scaled.feasible }).toEqual({ lambdaHat: unit.lambdaHat, feasible: unit.feasible });
      }),
    );
    // The case that an absolute 1e-9 got wrong: n = 1, B = 1e-12, 2α = 0.8e-12 < B, so no λ qualifies.
    expect(calibrateOnGrid(lossTableFamily([0, 1], [[1e-12, 0]], 1e-12), 0.4e-12, [0, 1]).feasible).toBe(false);
  });

  it("agrees with the exact path at ties, where rounding decides", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }), fc.nat(), fc.constantFrom(1, 0.1, 0.3, 3), (ticks, seed, B) => {
        const thresholds = ticks.map((t) => t / 10);
        const n = thresholds.length;
        const j = 1 + (seed % n);
        const alpha = (j * B) / (n + 1); // exactly at a tie
        const grid = Array.from({ length: 51 }, (_, t) => t / 10);
        const exact = calibrateStepLosses(thresholds, alpha, { B });
        const onGrid = calibrateOnGrid(stepLossFamily(thresholds, B), alpha, grid, "bisection");
        expect(onGrid.lambdaHat).toBe(exact.lambdaHat);
      }),
    );
  });
});

describe("input the calculator refuses", () => {
  it("refuses {} and unknown keys in every input shape", () => {
    expect(() => calibrateFromInput({})).toThrow(/thresholds.*losses.*dataset/);
    expect(() => calibrateFromInput({ alpha: 0.1, threshold: [0.3] })).toThrow(/threshold/);
    expect(() => calibrateFromInput({ alpha: 0.1, thresholds: [0.3], lamdaMax: 1 })).toThrow(/lamdaMax/);
    expect(() => calibrateFromInput({ alpha: 0.5, losses: { grid: [0, 1], values: [[1, 0]], B: 1 } })).toThrow(/B/);
    expect(() => calibrateFromInput({ alpha: 0.5, losses: { grid: [0, 1], values: [[1, 0]] }, serch: "scan" })).toThrow(/serch/);
    expect(() => calibrateFromInput({ dataset: "wiggle-1d", alhpa: 0.05 })).toThrow(/alhpa/);
    expect(() => calibrateFromInput({ alpha: 0.05, data: { x: [0, 1, 2, 3], f: [0, 1, 2, 3], z: [] } })).toThrow(/z/);
    expect(() => calibrateFromInput([])).toThrow();
    expect(() => calibrateFromInput(null)).toThrow();
  });

  it("still runs a full problem named by its dataset", () => {
    expect(calibrateFromInput({ dataset: "wiggle-1d", alpha: 0.1, nCal: 100, validityRuns: 0 })).toMatchObject({ dataset: "wiggle-1d", path: "exact-step" });
  });

  it("refuses a negative or non-finite λ_max", () => {
    expect(() => calibrateFromInput({ alpha: 0.2, thresholds: [0.1, 0.2, 0.3, 0.4, 0.5], lambdaMax: -1 })).toThrow(/lambdaMax/);
    expect(() => calibrateStepLosses([0.1, 0.2], 0.5, { lambdaMax: -0.5 })).toThrow(RangeError);
    expect(() => calibrateStepLosses([0.1, 0.2], 0.5, { lambdaMax: Number.NaN })).toThrow(RangeError);
    expect(calibrateStepLosses([0.1, 0.2], 0.05, { lambdaMax: 0 })).toMatchObject({ lambdaHat: 0, feasible: false });
  });

  it("refuses a loss-table row that increases in λ, naming the row and the grid point", () => {
    expect(() => lossTableFamily([0, 1, 2], [[1, 1, 0], [1, 0, 0.5]], 1)).toThrow(/loss row 2 increases between grid points 2 and 3 \(0 → 0.5\)/);
    expect(() => calibrateFromInput({ alpha: 0.5, losses: { grid: [0, 1, 2], values: [[0, 1, 0]] } })).toThrow(/increases/);
    expect(() => lossTableFamily([0, 1], [[1, 1], [0.5, 0.5]], 1)).not.toThrow();
  });

  it("reports a missing input file in one line, without a stack trace", async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ["--import", "tsx", "scripts/conformal.ts", "calibrate", "no/such/input.json"]).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect("code" in failure && failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe("no/such/input.json: cannot read the file (ENOENT: no such file or directory)");
    expect(failure.stdout).toBe("");
  }, 60_000);
});
