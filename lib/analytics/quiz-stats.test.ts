import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statsAttempts, statsQuiz } from "./analytics-fixture";
import { computeQuizStats, firstAttempts, pearsonCorrelation } from "./quiz-stats";

/*
 * Hand computation on the fixture (analytics-fixture.ts), first attempts u1..u5.
 * x = item score, y = rest of the quiz = total − x. With n pairs,
 * Sxy = Σxy − ΣxΣy/n, Sxx = Σx² − (Σx)²/n, Syy = Σy² − (Σy)²/n, r = Sxy / √(Sxx·Syy).
 *
 * Item A: x = [1, 1, 0, 0, 1], totals [3, 1.5, 1.5, 1, 1.5] → y = [2, 0.5, 1.5, 1, 0.5]
 *   Σx = 3, Σy = 5.5, Σxy = 2 + 0.5 + 0 + 0 + 0.5 = 3, Σx² = 3, Σy² = 4 + 0.25 + 2.25 + 1 + 0.25 = 7.75
 *   Sxy = 3 − 16.5/5 = −0.3, Sxx = 3 − 9/5 = 1.2, Syy = 7.75 − 30.25/5 = 1.7
 *   r = −0.3 / √2.04 = −0.210042 (negative: flagged); facility = 3/5 = 0.6
 * Item B: x = [1, 0.5, 0.5, 0, 0.5] → y = [2, 1, 1, 1, 1]
 *   Σx = 2.5, Σy = 6, Σxy = 2 + 0.5 + 0.5 + 0 + 0.5 = 3.5, Σx² = 1.75, Σy² = 8
 *   Sxy = 3.5 − 15/5 = 0.5, Sxx = 1.75 − 6.25/5 = 0.5, Syy = 8 − 36/5 = 0.8
 *   r = 0.5 / √0.4 = 0.790569; facility = 2.5/5 = 0.5
 * Item C: x = [1, 0, 1, 1, 0] → y = [2, 1.5, 0.5, 0, 1.5]
 *   Σx = 3, Σy = 5.5, Σxy = 2 + 0 + 0.5 + 0 + 0 = 2.5, Σx² = 3, Σy² = 4 + 2.25 + 0.25 + 0 + 2.25 = 8.75
 *   Sxy = 2.5 − 16.5/5 = −0.8, Sxx = 1.2, Syy = 8.75 − 6.05 = 2.7
 *   r = −0.8 / √3.24 = −0.8 / 1.8 = −4/9 = −0.444444 (flagged); facility = 3/5 = 0.6
 * Choice picks (first attempts, n = 5): A a1 3, a2 1, a3 0; B b1 3, b2 3, b3 2, b4 0; C c-true 2, c-false 3.
 * Mean fraction: (3 + 1.5 + 1.5 + 1 + 1.5) / (5 · 3) = 8.5/15 = 0.566667.
 *
 * All attempts (adds u2#2: A 1, total 3, and u4#2: A 0, total 1), item A, n = 7:
 *   x = [1, 1, 0, 0, 1, 1, 0], y = [2, 0.5, 1.5, 1, 0.5, 2, 1]
 *   Σx = 4, Σy = 8.5, Σxy = 5, Σx² = 4, Σy² = 12.75
 *   Sxy = 5 − 34/7 = 1/7, Sxx = 4 − 16/7 = 12/7, Syy = 12.75 − 72.25/7 = 17/7
 *   r = (1/7) / √(204/49) = 1/√204 = 0.070014 (no longer negative); facility = 4/7 = 0.571429
 */
describe("computeQuizStats on the hand-computed fixture", () => {
  const stats = computeQuizStats(statsQuiz, statsAttempts);
  const item = (id: string) => stats.items.find((entry) => entry.itemId === id)!;

  it("counts attempts and learners, and analyses first attempts by default", () => {
    expect(stats).toMatchObject({ basis: "first", attemptCount: 7, learnerCount: 5, analysedAttemptCount: 5 });
    expect(stats.meanFraction).toBeCloseTo(8.5 / 15, 10);
  });

  it("computes the facility index", () => {
    expect(item("A").facilityIndex).toBeCloseTo(0.6, 10);
    expect(item("B").facilityIndex).toBeCloseTo(0.5, 10);
    expect(item("C").facilityIndex).toBeCloseTo(0.6, 10);
  });

  it("computes the discrimination index against the rest of the quiz", () => {
    expect(item("A").discriminationIndex).toBeCloseTo(-0.3 / Math.sqrt(2.04), 10);
    expect(item("A").discriminationIndex).toBeCloseTo(-0.210042, 6);
    expect(item("B").discriminationIndex).toBeCloseTo(0.790569, 6);
    expect(item("C").discriminationIndex).toBeCloseTo(-4 / 9, 10);
  });

  it("flags the items with negative discrimination", () => {
    expect(stats.flaggedItemIds).toEqual(["A", "C"]);
    expect(stats.items.map((entry) => entry.negativeDiscrimination)).toEqual([true, false, true]);
  });

  it("counts choice picks", () => {
    expect(stats.items.map((entry) => entry.choices.map((c) => c.picks))).toEqual([
      [3, 1, 0],
      [3, 3, 2, 0],
      [2, 3],
    ]);
    expect(item("B").choices.map((c) => c.frequency)).toEqual([0.6, 0.6, 0.4, 0]);
    expect(item("C").choices.map((c) => c.correct)).toEqual([false, true]);
  });

  it("can use all attempts instead", () => {
    const all = computeQuizStats(statsQuiz, statsAttempts, { basis: "all" });
    expect(all).toMatchObject({ basis: "all", analysedAttemptCount: 7 });
    const a = all.items[0]!;
    expect(a.facilityIndex).toBeCloseTo(4 / 7, 10);
    expect(a.discriminationIndex).toBeCloseTo(1 / Math.sqrt(204), 10);
    expect(a.negativeDiscrimination).toBe(false);
    expect(a.choices.map((c) => c.picks)).toEqual([4, 1, 1]);
  });
});

describe("computeQuizStats edge cases", () => {
  it("has null indices without attempts", () => {
    const stats = computeQuizStats(statsQuiz, []);
    expect(stats.meanFraction).toBeNull();
    expect(stats.items[0]).toMatchObject({ attempts: 0, facilityIndex: null, discriminationIndex: null, negativeDiscrimination: false });
    expect(stats.items[0]!.choices[0]!.frequency).toBeNull();
  });

  it("leaves an attempt out of an item it does not list (another quiz version)", () => {
    const withoutC = statsAttempts.map((attempt) => (attempt.userId === "u1" ? { ...attempt, items: attempt.items.filter((i) => i.itemId !== "C") } : attempt));
    const stats = computeQuizStats(statsQuiz, withoutC);
    expect(stats.items[2]!.attempts).toBe(4);
    expect(stats.items[0]!.attempts).toBe(5);
  });

  it("ignores choice ids the definition does not know", () => {
    const odd = [{ userId: "u9", attemptNumber: 1, items: [{ itemId: "A", score: 0, selectedChoiceIds: ["zzz"] }] }];
    expect(computeQuizStats(statsQuiz, odd).items[0]!.choices.map((c) => c.picks)).toEqual([0, 0, 0]);
  });
});

describe("firstAttempts", () => {
  it("keeps each learner's lowest attempt number whatever the input order", () => {
    const reversed = [...statsAttempts].reverse();
    expect(firstAttempts(reversed).map((a) => [a.userId, a.attemptNumber]).sort()).toEqual([
      ["u1", 1],
      ["u2", 1],
      ["u3", 1],
      ["u4", 1],
      ["u5", 1],
    ]);
  });
});

describe("pearsonCorrelation", () => {
  it("is null for constant or too-short series", () => {
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearsonCorrelation([0.1, 0.1], [1, 2])).toBeNull();
    expect(pearsonCorrelation([1], [2])).toBeNull();
  });

  it("is ±1 for exact linear relations and stays within [−1, 1]", () => {
    expect(pearsonCorrelation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: 2, maxLength: 30 }), (pairs) => {
        const r = pearsonCorrelation(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        if (r !== null) {
          expect(r).toBeGreaterThanOrEqual(-1);
          expect(r).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("is symmetric and unchanged by shifting and positive scaling", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 3, maxLength: 20 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: -50, max: 50 }),
        (pairs, scale, shift) => {
          const xs = pairs.map((p) => p[0]);
          const ys = pairs.map((p) => p[1]);
          const r = pearsonCorrelation(xs, ys);
          const swapped = pearsonCorrelation(ys, xs);
          const moved = pearsonCorrelation(xs.map((x) => x * scale + shift), ys);
          if (r === null) expect([swapped, moved]).toEqual([null, null]);
          else {
            expect(swapped).toBeCloseTo(r, 9);
            expect(moved).toBeCloseTo(r, 9);
          }
        },
      ),
    );
  });
});
