import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPublicQuiz } from "./public-view";
import { orderQuizForAttempt, seededShuffle, shuffleSeedString, type ShuffleSeed } from "./shuffle";
import { goodhartQuiz } from "./test-fixtures";

const seed: ShuffleSeed = { quizVersion: "v1-abc123", userId: "user-42", attemptNumber: 1 };
const ids = (quiz: ReturnType<typeof toPublicQuiz>) => quiz.items.map((item) => item.choices.map((choice) => choice.id));

describe("seededShuffle", () => {
  it("returns a permutation of its input and leaves the input alone", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (values, seedText) => {
        const copy = [...values];
        const shuffled = seededShuffle(values, seedText);
        expect(values).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });

  it("is stable for the same seed", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), fc.string(), (values, seedText) => {
        expect(seededShuffle(values, seedText)).toEqual(seededShuffle(values, seedText));
      }),
    );
  });

  it("reaches every order of three elements, roughly uniformly, across seeds", () => {
    const counts = new Map<string, number>();
    for (let attempt = 1; attempt <= 6000; attempt++) {
      const order = seededShuffle(["a", "b", "c"], shuffleSeedString({ ...seed, attemptNumber: attempt })).join("");
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(count).toBeGreaterThan(800); // 1000 expected each
  });
});

describe("shuffleSeedString", () => {
  it("keeps the parts apart", () => {
    expect(shuffleSeedString({ quizVersion: "a:b", userId: "c", attemptNumber: 1 })).not.toBe(
      shuffleSeedString({ quizVersion: "a", userId: "b:c", attemptNumber: 1 }),
    );
  });
});

describe("orderQuizForAttempt", () => {
  const shuffled = toPublicQuiz(goodhartQuiz({ shuffle: true }));

  it("is stable on reload: same version, user and attempt give the same order", () => {
    expect(ids(orderQuizForAttempt(shuffled, seed))).toEqual(ids(orderQuizForAttempt(shuffled, { ...seed })));
  });

  it("keeps each item's choices a permutation of the author's", () => {
    const ordered = orderQuizForAttempt(shuffled, seed);
    ordered.items.forEach((item, i) => {
      expect([...item.choices].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...shuffled.items[i]!.choices].sort((a, b) => a.id.localeCompare(b.id)),
      );
    });
  });

  it("varies across attempts, users and versions", () => {
    const orders = (change: (n: number) => ShuffleSeed) =>
      new Set(Array.from({ length: 20 }, (_, n) => JSON.stringify(ids(orderQuizForAttempt(shuffled, change(n))))));
    expect(orders((n) => ({ ...seed, attemptNumber: n + 1 })).size).toBeGreaterThan(5);
    expect(orders((n) => ({ ...seed, userId: `user-${n}` })).size).toBeGreaterThan(5);
    expect(orders((n) => ({ ...seed, quizVersion: `v${n}` })).size).toBeGreaterThan(5);
  });

  it("leaves true/false items and unshuffled quizzes in the author's order", () => {
    for (let attemptNumber = 1; attemptNumber <= 10; attemptNumber++) {
      const ordered = orderQuizForAttempt(shuffled, { ...seed, attemptNumber });
      expect(ordered.items[2]?.choices.map((choice) => choice.id)).toEqual(["tf-true", "tf-false"]);
    }
    const plain = toPublicQuiz(goodhartQuiz({ shuffle: false }));
    expect(orderQuizForAttempt(plain, seed)).toBe(plain);
  });
});
