// Data-generating settings for the sandbox: where the points come from, what the ideal function is,
// and which pre-trained model f is to be aligned. Each setting draws from its own seeded stream so
// that moving α or the split never changes the data.
import { createNormal, createRandom, seedFromString } from "@/lib/random/seeded";
import { dipModel, interpolatedModel, planeModel, wiggleModel } from "./models";
import { fitRandomFeatures } from "./ridge";
import type { Model, Point } from "./testers";

export const datasetIds = ["wiggle-1d", "dip-1d", "biased-fit-1d", "concave-fit-1d", "plane-2d", "external-1d"] as const;
export type DatasetId = (typeof datasetIds)[number];

export type ScenarioSettings = {
  dataset: DatasetId;
  /** Training bias b: the depth of the label shift (or of the dip in dip-1d). */
  bias: number;
  /** Label noise standard deviation. */
  noise: number;
  /** Random features N of the fitted models. */
  complexity: number;
  nTrain: number;
  seed: number;
  external?: { x: number[]; f: number[]; y?: number[] | undefined } | undefined;
};

export type Scenario = {
  dataset: DatasetId;
  dimension: 1 | 2;
  model: Model;
  /** The function with the property that the data would follow without bias, for display. */
  ideal: Model | null;
  /** Labelled points for the data plot (the training set of fitted models). */
  shown: { points: Point[]; labels: Float64Array };
  /** Draws n feature vectors from the input distribution. */
  drawPoints: (n: number, random: () => number) => Point[];
  /** A fixed finite population (outside predictions): calibration and test are split from it. */
  population: Point[] | null;
};

/** Where the bias sits: a region of the input in which the labels are shifted down by b. */
const biasRegion = { center: 0.6, halfWidth: 0.08 } as const;

export function buildScenario(settings: ScenarioSettings): Scenario {
  const random = createRandom(seedFromString(`${settings.seed}:${settings.dataset}:train`));
  const normal = createNormal(random);
  const uniform = (d: number) => (n: number, r: () => number) => drawUniform(n, d, r);
  switch (settings.dataset) {
    case "wiggle-1d": {
      const ideal: Model = (x) => 2 * x[0]!;
      return fixedModelScenario(settings, wiggleModel, ideal, uniform(1), 1, random, normal);
    }
    case "dip-1d": {
      const ideal: Model = (x) => x[0]!;
      return fixedModelScenario(settings, dipModel(settings.bias), ideal, uniform(1), 1, random, normal);
    }
    case "plane-2d": {
      const ideal: Model = (x) => 1.5 * x[0]! + x[1]!;
      return fixedModelScenario(settings, planeModel, ideal, uniform(2), 2, random, normal);
    }
    case "biased-fit-1d":
    case "concave-fit-1d": {
      const concave = settings.dataset === "concave-fit-1d";
      const ideal: Model = concave ? (x) => 1 - (2 * x[0]! - 1) ** 2 : (x) => x[0]!;
      const center = concave ? 0.5 : biasRegion.center;
      const points = uniform(1)(settings.nTrain, random);
      const labels = Float64Array.from(points, (x) => {
        const shifted = Math.abs(x[0]! - center) < biasRegion.halfWidth ? settings.bias : 0;
        return ideal(x) - shifted + settings.noise * normal();
      });
      const model = fitRandomFeatures(points, labels, {
        features: settings.complexity,
        seed: seedFromString(`${settings.seed}:features`),
      });
      return { dataset: settings.dataset, dimension: 1, model, ideal, shown: { points, labels }, drawPoints: uniform(1), population: null };
    }
    case "external-1d": {
      const external = settings.external;
      if (!external) throw new RangeError("the external-1d dataset needs x and f arrays");
      const points = external.x.map((x) => [x]);
      const labels = Float64Array.from(external.y ?? external.f);
      return {
        dataset: settings.dataset,
        dimension: 1,
        model: interpolatedModel(external.x, external.f),
        ideal: null,
        shown: { points, labels },
        drawPoints: uniform(1),
        population: points,
      };
    }
  }
}

function fixedModelScenario(
  settings: ScenarioSettings,
  model: Model,
  ideal: Model,
  drawPoints: (n: number, r: () => number) => Point[],
  dimension: 1 | 2,
  random: () => number,
  normal: () => number,
): Scenario {
  const points = drawPoints(Math.min(settings.nTrain, 600), random);
  const labels = Float64Array.from(points, (x) => ideal(x) + settings.noise * normal());
  return { dataset: settings.dataset, dimension, model, ideal, shown: { points, labels }, drawPoints, population: null };
}

/** n points uniform on [0, 1]^d; plain loops, because the validity check draws hundreds of thousands. */
function drawUniform(n: number, d: number, random: () => number): Point[] {
  const points = new Array<Point>(n);
  for (let i = 0; i < n; i++) {
    const point = new Array<number>(d);
    for (let c = 0; c < d; c++) point[c] = random();
    points[i] = point;
  }
  return points;
}
