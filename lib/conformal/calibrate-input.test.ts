import { describe, expect, it } from "vitest";
import { calibrateFromInput } from "./calibrate-input";

describe("calibrateFromInput", () => {
  it("calibrates thresholds on the exact path", () => {
    const out = calibrateFromInput({ alpha: 0.2, thresholds: [0.5, -0.1, 0.2, 0.9, 0.3, 0.0, 0.7, 0.4, 0.1, 0.6] });
    expect(out).toMatchObject({ lambdaHat: 0.7, path: "exact-step", feasible: true, n: 10 });
    expect(calibrateFromInput({ alpha: 0.05, thresholds: [1, 2, 3] })).toMatchObject({ lambdaHat: null, feasible: false });
  });

  it("calibrates a loss table on the grid path", () => {
    const out = calibrateFromInput({ alpha: 0.5, losses: { grid: [0, 1, 2, 3], values: [[1, 1, 0.5, 0], [1, 0.5, 0.5, 0], [1, 0.5, 0, 0]] }, search: "scan" });
    expect(out).toMatchObject({ lambdaHat: 2, path: "grid-scan" });
    expect(() => calibrateFromInput({ alpha: 0.5, losses: { grid: [0, 1], values: [[2, 0]] } })).toThrow(/≤ B/);
  });

  it("runs a full problem from outside predictions", () => {
    const x = Array.from({ length: 300 }, (_, i) => i / 299);
    const f = x.map((v) => 2 * v + 0.25 * Math.sin(6 * Math.PI * v));
    const out = calibrateFromInput({ alpha: 0.05, seed: 3, property: "increasing", data: { x, f }, validityRuns: 10 });
    expect(out).toMatchObject({ path: "exact-step", dataset: "external-1d", n: 150, seed: 3 });
    expect(out.lambdaMinus).toBeCloseTo((out.lambdaHat as number) / 2, 12);
  });

  it("refuses malformed input with zod's message", () => {
    expect(() => calibrateFromInput({ alpha: "0.1", thresholds: [1] })).toThrow();
    expect(() => calibrateFromInput({ alpha: 0.1, dataset: "unknown" })).toThrow();
  });
});
