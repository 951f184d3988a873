import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createNormal, createRandom } from "@/lib/random/seeded";
import {
  accuracyFor,
  addedCurve,
  clampShapeColourParams,
  COLOUR_NOISE,
  evaluate,
  fitClassifier,
  PENALTY,
  ruleOf,
  SHAPE_NOISE,
  trainingSet,
  type Classifier,
  type TrainingImage,
} from "./shape-colour";

const seeds = fc.integer({ min: 1, max: 100 });
const label = (image: TrainingImage) => (image.shape === "circle" ? 1 : -1);

/** ∇ of the fitted objective at the classifier: zero at the minimiser. */
function gradientAt(images: readonly TrainingImage[], c: Classifier): number[] {
  const gradient = [0, PENALTY * c.shapeWeight, PENALTY * c.colourWeight];
  for (const image of images) {
    const x = [1, image.roundness, image.redness];
    const y = label(image);
    const p = 1 / (1 + Math.exp(y * (c.bias + c.shapeWeight * image.roundness + c.colourWeight * image.redness)));
    for (let i = 0; i < 3; i++) gradient[i]! -= image.weight * y * p * x[i]!;
  }
  return gradient;
}

describe("the shape/colour learner", () => {
  it("learns the colour shortcut from data where colour always follows shape, for every seed", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const report = evaluate({ added: 0, weight: 1, seed });
        expect(report.trainingLikeAccuracy).toBeGreaterThan(0.99);
        expect(report.conflictAccuracy).toBeLessThan(0.1); // on red squares and blue circles it answers by colour
        expect(report.rule).toBe("colour");
        expect(report.classifier.colourWeight).toBeGreaterThan(report.classifier.shapeWeight);
      }),
    );
  });

  it("learns the shape rule when a few decorrelated images are added or weighted up, for every seed", () => {
    fc.assert(
      fc.property(seeds, fc.constantFrom(3, 5, 10), (seed, weight) => {
        const shortcut = evaluate({ added: 0, weight, seed });
        const shaped = evaluate({ added: 40, weight, seed });
        expect(shaped.conflictAccuracy).toBeGreaterThan(0.75);
        expect(shaped.conflictAccuracy - shortcut.conflictAccuracy).toBeGreaterThan(0.6);
        expect(shaped.independentAccuracy).toBeGreaterThan(shortcut.independentAccuracy);
        expect(["shape", "reversed-colour"]).toContain(shaped.rule);
      }),
    );
    // A handful is enough when they count: 4 images at weight 10 already flip the rule.
    expect(evaluate({ added: 4, weight: 10, seed: 1 }).rule).toBe("shape");
  });

  it("over-corrects when the added images outweigh the base set: it then leans on the reversed pairing", () => {
    const report = evaluate({ added: 60, weight: 20, seed: 1 });
    expect(report.addedShare).toBeGreaterThan(0.8);
    expect(report.classifier.colourWeight).toBeLessThan(0);
    expect(report.trainingLikeAccuracy).toBeLessThan(report.conflictAccuracy - 0.1);
    expect(report.rule).toBe("reversed-colour");
  });

  it("is the same learner throughout: its fit is the unique minimiser (zero gradient) on any data", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), (seed, pairs, weight) => {
        const images = trainingSet({ added: 2 * pairs, weight, seed });
        const classifier = fitClassifier(images);
        for (const component of gradientAt(images, classifier)) expect(Math.abs(component)).toBeLessThan(1e-8);
      }),
    );
  });

  it("treats an image of weight w exactly like w copies of it", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 6 }), (seed, pairs, weight) => {
        const weighted = fitClassifier(trainingSet({ added: 2 * pairs, weight, seed }));
        const copies = trainingSet({ added: 2 * pairs, weight: 1, seed }).flatMap((image) => (image.added ? Array.from({ length: weight }, () => image) : [image]));
        const duplicated = fitClassifier(copies);
        expect(weighted.bias).toBeCloseTo(duplicated.bias, 9);
        expect(weighted.shapeWeight).toBeCloseTo(duplicated.shapeWeight, 9);
        expect(weighted.colourWeight).toBeCloseTo(duplicated.colourWeight, 9);
      }),
    );
  });

  it("adds images without redrawing the others (the slider moves one thing)", () => {
    const fewer = trainingSet({ added: 10, weight: 1, seed: 7 });
    const more = trainingSet({ added: 12, weight: 1, seed: 7 });
    expect(more.slice(0, fewer.length)).toEqual(fewer);
    expect(more.filter((image) => image.added).map((image) => `${image.colour} ${image.shape}`)).toEqual(Array.from({ length: 6 }, () => ["red square", "blue circle"]).flat());
    expect(fewer.filter((image) => !image.added).every((image) => (image.shape === "circle") === (image.colour === "red"))).toBe(true);
  });

  it("computes accuracy in closed form, as a simulation of fresh images confirms", () => {
    const classifier = fitClassifier(trainingSet({ added: 8, weight: 2, seed: 3 }));
    const normal = createNormal(createRandom(11));
    for (const [shape, colour] of [["circle", "red"], ["square", "red"], ["circle", "blue"], ["square", "blue"]] as const) {
      const draws = 20_000;
      let correct = 0;
      for (let i = 0; i < draws; i++) {
        const roundness = (shape === "circle" ? 1 : -1) + SHAPE_NOISE * normal();
        const redness = (colour === "red" ? 1 : -1) + COLOUR_NOISE * normal();
        const score = classifier.bias + classifier.shapeWeight * roundness + classifier.colourWeight * redness;
        if ((score > 0) === (shape === "circle")) correct++;
      }
      const p = accuracyFor(classifier, shape, colour);
      expect(Math.abs(correct / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws) + 1e-3);
    }
  });

  it("rises from the shortcut to the shape rule along the curve, up to sampling wiggles", () => {
    fc.assert(
      fc.property(seeds, fc.constantFrom(1, 3, 10), (seed, weight) => {
        const curve = addedCurve({ added: 0, weight, seed });
        expect(curve.map((report) => report.params.added)).toEqual(Array.from({ length: 31 }, (_, i) => 2 * i));
        for (let i = 1; i < curve.length; i++) expect(curve[i]!.conflictAccuracy).toBeGreaterThan(curve[i - 1]!.conflictAccuracy - 0.05);
        expect(curve.at(-1)!.conflictAccuracy).toBeGreaterThan(curve[0]!.conflictAccuracy + 0.5);
      }),
    );
  });

  it("names the rule from the two test sets, and keeps parameters in range with images in pairs", () => {
    expect(ruleOf(1, 0.05)).toBe("colour");
    expect(ruleOf(0.95, 0.9)).toBe("shape");
    expect(ruleOf(0.75, 0.97)).toBe("reversed-colour");
    expect(ruleOf(0.98, 0.5)).toBe("mixed");
    expect(clampShapeColourParams({})).toEqual({ added: 0, weight: 1, seed: 1 });
    expect(clampShapeColourParams({ added: 7, weight: 2.6, seed: 1000 })).toEqual({ added: 8, weight: 3, seed: 100 });
    expect(clampShapeColourParams({ added: Number.NaN, weight: -1 })).toEqual({ added: 0, weight: 1, seed: 1 });
  });
});
