import { describe, expect, it } from "vitest";
import { calibrateStepLosses } from "./crc";
import { createSandboxRunner, runSandbox, sandboxSample } from "./sandbox";
import { sandboxParamsSchema } from "./schema";

const quick = { validityRuns: 20 } as const;

describe("runSandbox", () => {
  it("calibrates ŝ, splits it symmetrically by default and reports the exact path", () => {
    const result = runSandbox({ dataset: "wiggle-1d", alpha: 0.05, ...quick });
    expect(result.calibration.path).toBe("exact-step");
    expect(result.width).toBeGreaterThan(0);
    expect(result.lambdaMinus).toBeCloseTo(result.width! / 2, 12);
    expect(result.lambdaPlus).toBeCloseTo(result.width! / 2, 12);
    expect(result.rejections.calibrationAfter!).toBeLessThan(result.rejections.calibrationBefore);
    expect(result.curve.upper![10]! - result.curve.lower![10]!).toBeCloseTo(result.width!, 12);
    expect(result.witness?.kind).toBe("envelope");
    expect(result.witness!.bestEpsilon!).toBeLessThanOrEqual(result.witness!.epsilon + 1e-12);
    expect(result.validity?.runs).toBe(20);
  });

  it("is reproducible from its seed and changes with the seed", () => {
    const a = runSandbox({ dataset: "biased-fit-1d", seed: 5, ...quick });
    const b = runSandbox({ dataset: "biased-fit-1d", seed: 5, ...quick });
    const c = runSandbox({ dataset: "biased-fit-1d", seed: 6, ...quick });
    expect(b.width).toBe(a.width);
    expect(b.curve.f).toEqual(a.curve.f);
    expect(c.curve.f).not.toEqual(a.curve.f);
  });

  it("a smaller α gives a wider band on the same data, and the split moves only the sides", () => {
    const run = createSandboxRunner();
    const loose = run({ dataset: "dip-1d", alpha: 0.1, ...quick });
    const strict = run({ dataset: "dip-1d", alpha: 0.02, ...quick });
    const skewed = run({ dataset: "dip-1d", alpha: 0.02, upperShare: 0.8, ...quick });
    expect(strict.width!).toBeGreaterThan(loose.width!);
    expect(skewed.width).toBe(strict.width);
    expect(skewed.lambdaPlus!).toBeCloseTo(0.8 * strict.width!, 12);
    // The memoised runner gives what a fresh run gives.
    expect(runSandbox({ dataset: "dip-1d", alpha: 0.02, ...quick }).width).toBe(strict.width);
  });

  it("fitted models follow the training bias only when they have enough features (paper §5)", () => {
    const simple = runSandbox({ dataset: "biased-fit-1d", complexity: 10, ...quick });
    const rich = runSandbox({ dataset: "biased-fit-1d", complexity: 120, ...quick });
    expect(simple.rejections.calibrationBefore).toBe(0);
    expect(rich.rejections.calibrationBefore).toBeGreaterThan(0.05);
  });

  it("amplification calibrates on ⌊n/k⌋ batch losses", () => {
    const result = runSandbox({ dataset: "dip-1d", nCal: 600, batches: 10, alpha: 0.05, ...quick });
    expect(result.nEffective).toBe(60);
    expect(result.rejections.calibrationBefore).toBeGreaterThan(0.5);
  });

  it("reports no finite ŝ plainly, without a band or witness", () => {
    const result = runSandbox({ dataset: "dip-1d", nCal: 100, batches: 10, alpha: 0.05, ...quick });
    expect(result.calibration.lambdaHat).toBeNull();
    expect(result.width).toBeNull();
    expect(result.curve.lower).toBeNull();
    expect(result.witness).toBeNull();
  });

  it("accepts scores from a learner-written property computed on its own points", () => {
    const params = sandboxParamsSchema.parse({ dataset: "wiggle-1d", nCal: 200, nTest: 300, ...quick });
    const { scenario, sample } = sandboxSample(params);
    // Non-negativity: V = −f(x) must be absorbed by the band.
    const score = (x: readonly number[]) => -scenario.model(x) + 0.3;
    const customScores = { calibration: sample.calibration.map(score), test: sample.test.map(score) };
    const result = runSandbox({ ...params, customScores });
    expect(result.propertyLabel).toBe("your property");
    expect(result.width).toBe(calibrateStepLosses(customScores.calibration, params.alpha).lambdaHat);
    expect(result.witness).toBeNull();
    expect(() => runSandbox({ ...params, customScores: { calibration: [1, 2], test: [1] } })).toThrow(/one value per/);
  });

  it("aligns outside predictions by interpolating them", () => {
    const x = Array.from({ length: 400 }, (_, i) => i / 399);
    const f = x.map((v) => 2 * v + 0.25 * Math.sin(6 * Math.PI * v)); // the wiggle model, as data
    const result = runSandbox({ dataset: "external-1d", external: { x, f }, alpha: 0.05, ...quick });
    expect(result.nEffective).toBe(200);
    expect(result.width).toBeGreaterThan(0);
    expect(() => runSandbox({ dataset: "external-1d", ...quick })).toThrow(/external/);
  });

  it("validates its parameters with zod", () => {
    expect(() => runSandbox({ alpha: 0 })).toThrow();
    expect(() => runSandbox({ nCal: 5 })).toThrow();
    expect(() => runSandbox({ dataset: "nope" as never })).toThrow();
    expect(sandboxParamsSchema.parse({})).toMatchObject({ dataset: "wiggle-1d", alpha: 0.1, upperShare: 0.5, batches: 1 });
  });

  it("runs the concavity tester with a concave witness", () => {
    const result = runSandbox({ dataset: "concave-fit-1d", property: "concave", alpha: 0.1, ...quick });
    expect(result.witness?.kind).toBe("concave-majorant");
    expect(result.witness?.bestEpsilon).toBeNull();
    expect(result.propertyLabel).toBe("concave in x");
  });

  it("tests the chosen feature of the 2-D model", () => {
    const result = runSandbox({ dataset: "plane-2d", feature: 1, nCal: 400, ...quick });
    expect(result.feature).toBe(1);
    expect(result.propertyLabel).toBe("increasing in x₁");
    // f is increasing in x₁ for every x₀, so the tester never rejects.
    expect(result.rejections.calibrationBefore).toBe(0);
  });
});
