import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded";
import { calibrateStepLosses } from "./crc";
import { stepLossFamily } from "./grid";
import { dipModel, wiggleModel } from "./models";
import { amplifyScores, concavityScores, monotonicityScores, type Model } from "./testers";

const uniformPoints = (n: number, seed: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => [random()]);
};

describe("monotonicityScores (paper Algorithm 1)", () => {
  it("never rejects a function with the property at λ = 0", () => {
    const points = uniformPoints(300, 1);
    const pool = points.map((x) => x[0]!);
    const rising: Model = (x) => x[0]! ** 3;
    const up = monotonicityScores(rising, points, pool, "increasing", 0, createRandom(2)).scores;
    const down = monotonicityScores((x) => -rising(x), points, pool, "decreasing", 0, createRandom(2)).scores;
    expect(Math.max(...up)).toBeLessThanOrEqual(0);
    expect(Math.max(...down)).toBeLessThanOrEqual(0);
  });

  it("scores the amount f moves the wrong way along the pair", () => {
    // f decreasing, tested for "increasing": with x₁ = 0.2 and partner 0.7, V = f(0.2) − f(0.7) = 0.5.
    const falling: Model = (x) => -x[0]!;
    const { scores, partners } = monotonicityScores(falling, [[0.2]], [0.7], "increasing", 0, () => 0);
    expect(partners[0]).toBe(0.7);
    expect(scores[0]).toBeCloseTo(0.5, 12);
    const decreasing = monotonicityScores(falling, [[0.2]], [0.7], "decreasing", 0, () => 0).scores;
    expect(decreasing[0]).toBeCloseTo(-0.5, 12);
  });

  it("changes only feature k for the counterfactual point", () => {
    const seen: number[][] = [];
    const spy: Model = (x) => {
      seen.push([...x]);
      return x[0]! + x[1]!;
    };
    monotonicityScores(spy, [[0.1, 0.9]], [0.4], "increasing", 1, () => 0);
    expect(seen).toContainEqual([0.1, 0.4]);
    expect(seen).toContainEqual([0.1, 0.9]);
  });

  it("matches the brief's P(reject | λ = 0) ≈ 0.133 for the wiggle model", () => {
    const points = uniformPoints(20_000, 3);
    const { scores } = monotonicityScores(wiggleModel, points, points.map((x) => x[0]!), "increasing", 0, createRandom(4));
    const rejected = scores.filter((v) => v > 0).length / scores.length;
    expect(rejected).toBeGreaterThan(0.133 - 0.01);
    expect(rejected).toBeLessThan(0.133 + 0.01);
  });
});

describe("concavityScores (paper Algorithm 2, consistent form)", () => {
  it("never rejects a concave function and does reject a convex one", () => {
    const points = uniformPoints(300, 5);
    const pool = points.map((x) => x[0]!);
    const concave = concavityScores((x) => -((x[0]! - 0.5) ** 2), points, pool, 0, createRandom(6)).scores;
    const convex = concavityScores((x) => (x[0]! - 0.5) ** 2, points, pool, 0, createRandom(6)).scores;
    expect(Math.max(...concave)).toBeLessThanOrEqual(1e-12);
    expect(convex.filter((v) => v > 1e-9).length).toBeGreaterThan(250);
  });

  it("scores the dip below the chord with w = δ_right / (δ_left + δ_right)", () => {
    // Differences drawn as |0.3 − 0.1| = 0.2 (left) and |0.1 − 0.3|… the random stream picks indices.
    const draws = [0, 0.5, 0, 0.5]; // pool[0] = 0.1, pool[1] = 0.3 → δ_left = δ_right = 0.2
    let next = 0;
    const random = () => draws[next++ % draws.length]!;
    const abs: Model = (x) => Math.abs(x[0]! - 0.5);
    const { scores } = concavityScores(abs, [[0.5]], [0.1, 0.3], 0, random);
    // Chord between f(0.3) = 0.2 and f(0.7) = 0.2 at w = 1/2, minus f(0.5) = 0.
    expect(scores[0]).toBeCloseTo(0.2, 12);
  });
});

describe("losses built from tester scores", () => {
  it("are non-increasing in λ and bounded by B = 1, before and after amplification", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }),
        (seed, depth, k, lambdas) => {
          const points = uniformPoints(64, seed);
          const raw = monotonicityScores(dipModel(depth), points, points.map((x) => x[0]!), "increasing", 0, createRandom(seed + 1)).scores;
          const sorted = [...lambdas].sort((a, b) => a - b);
          return [raw, amplifyScores(raw, k)].every((scores) => {
            const family = stepLossFamily(scores);
            for (let i = 0; i < family.n; i++) {
              const values = sorted.map((lambda) => family.lossAt(i, lambda));
              if (values.some((v) => v < 0 || v > family.B)) return false;
              if (values.some((v, j) => j > 0 && v > values[j - 1]!)) return false;
            }
            return true;
          });
        },
      ),
    );
  });

  it("amplification keeps each disjoint batch's maximum and drops the remainder", () => {
    expect(Array.from(amplifyScores([0.1, 0.5, -1, 0.2, 0.3, 9], 2))).toEqual([0.5, 0.2, 9]);
    expect(Array.from(amplifyScores([0.1, 0.5, -1, 0.2, 0.3], 2))).toEqual([0.5, 0.2]);
    expect(() => amplifyScores([1], 0)).toThrow();
  });

  it("amplification raises the rejection rate to 1 − (1 − ρ)^k for independent runs", () => {
    const points = uniformPoints(50_000, 9);
    const raw = monotonicityScores(wiggleModel, points, points.map((x) => x[0]!), "increasing", 0, createRandom(10)).scores;
    const rho = raw.filter((v) => v > 0).length / raw.length;
    const amplified = amplifyScores(raw, 4);
    const rhoK = amplified.filter((v) => v > 0).length / amplified.length;
    expect(rhoK).toBeCloseTo(1 - (1 - rho) ** 4, 1);
    expect(calibrateStepLosses(amplified, 0.1).lambdaHat!).toBeGreaterThan(calibrateStepLosses(raw, 0.1).lambdaHat!);
  });
});
