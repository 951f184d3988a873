import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded";
import { fitRandomFeatures, tabulate } from "./ridge";

describe("random-features ridge", () => {
  it("recovers a linear target and fits a narrow dip only with many features", () => {
    const random = createRandom(8);
    const points = Array.from({ length: 600 }, () => [random()]);
    const dip = (x: number) => x - (Math.abs(x - 0.6) < 0.08 ? 0.4 : 0);
    const labels = points.map((p) => dip(p[0]!));
    const linear = fitRandomFeatures(points, points.map((p) => 2 * p[0]! + 1), { features: 5, seed: 1 });
    expect(linear([0.25])).toBeCloseTo(1.5, 2);
    const few = fitRandomFeatures(points, labels, { features: 10, seed: 1 });
    const many = fitRandomFeatures(points, labels, { features: 200, seed: 1 });
    expect(Math.abs(many([0.6]) - 0.2)).toBeLessThan(0.1);
    expect(Math.abs(few([0.6]) - 0.2)).toBeGreaterThan(0.2);
  });

  it("the lookup table matches the exact model to 1e-6 inside [−1, 2] and defers outside it", () => {
    const exact = (x: readonly number[]) => Math.sin(60 * x[0]!) * 0.1 + x[0]!;
    const table = tabulate(exact);
    const random = createRandom(9);
    for (let i = 0; i < 2000; i++) {
      const x = -1 + 3 * random();
      expect(Math.abs(table([x]) - exact([x]))).toBeLessThan(1e-6);
    }
    expect(table([5])).toBe(exact([5]));
  });
});
