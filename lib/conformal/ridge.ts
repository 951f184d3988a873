// A random-features ridge regressor, the "pre-trained model" of paper §5 (brief §4): an intercept and a
// linear term per coordinate plus N random Fourier features. Few features give a smooth fit that ignores
// a small bias in the labels; many features fit the bias and break the property.
import { solveCholesky } from "@/lib/math/cholesky";
import { createNormal, createRandom } from "@/lib/random/seeded";
import type { Model, Point } from "./testers";

export type RandomFeaturesOptions = {
  features: number;
  seed: number;
  /** Standard deviation of the random frequencies; larger means wigglier features. */
  bandwidth?: number;
  /** Ridge penalty on the random-feature weights (the linear part gets a tiny one). */
  ridge?: number;
};

const featurePoolSize = 300;

export function fitRandomFeatures(points: readonly Point[], labels: ArrayLike<number>, options: RandomFeaturesOptions): Model {
  const d = points[0]?.length ?? 1;
  const random = createRandom(options.seed);
  const normal = createNormal(random);
  const bandwidth = options.bandwidth ?? 40;
  // Draw a fixed pool and keep the N lowest frequencies: adding features then adds finer detail, so
  // N reads as model complexity (few features cannot follow a narrow bias; many can).
  const pool = Array.from({ length: Math.max(options.features, featurePoolSize) }, () => ({
    omega: Array.from({ length: d }, () => bandwidth * normal()),
    phase: 2 * Math.PI * random(),
  }));
  pool.sort((a, b) => norm(a.omega) - norm(b.omega));
  const chosen = pool.slice(0, options.features);
  const frequencies = chosen.map((feature) => feature.omega);
  const phases = chosen.map((feature) => feature.phase);
  const scale = Math.sqrt(2 / Math.max(1, options.features));
  const featurise = (x: Point): Float64Array => {
    const row = new Float64Array(1 + d + options.features);
    row[0] = 1;
    for (let c = 0; c < d; c++) row[1 + c] = x[c]!;
    for (let j = 0; j < options.features; j++) {
      const omega = frequencies[j]!;
      let dot = phases[j]!;
      for (let c = 0; c < d; c++) dot += omega[c]! * x[c]!;
      row[1 + d + j] = scale * Math.cos(dot);
    }
    return row;
  };
  const p = 1 + d + options.features;
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let i = 0; i < points.length; i++) {
    const row = featurise(points[i]!);
    const y = labels[i]!;
    for (let a = 0; a < p; a++) {
      const ra = row[a]!;
      rhs[a] = rhs[a]! + ra * y;
      for (let b = 0; b <= a; b++) gram[a * p + b] = gram[a * p + b]! + ra * row[b]!;
    }
  }
  const ridge = (options.ridge ?? 1e-3) * points.length;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < a; b++) gram[b * p + a] = gram[a * p + b]!;
    gram[a * p + a] = gram[a * p + a]! + (a < 1 + d ? 1e-8 * points.length : ridge);
  }
  const weights = solveCholesky(gram, rhs);
  const exact: Model = (x) => {
    const row = featurise(x);
    let value = 0;
    for (let a = 0; a < p; a++) value += weights[a]! * row[a]!;
    return value;
  };
  return d === 1 ? tabulate(exact) : exact;
}

/**
 * The validity check evaluates a 1-D model millions of times, and each exact evaluation costs N
 * cosines. A dense table with linear interpolation on [−1, 2] (the inputs and every counterfactual
 * query of the 1-D settings) is exact to about 1e-6 here (ridge.test.ts); outside it the exact model answers.
 */
export function tabulate(model: Model): Model {
  const from = -1;
  const to = 2;
  const intervals = 24_000;
  const step = (to - from) / intervals;
  const table = new Float64Array(intervals + 1);
  for (let j = 0; j <= intervals; j++) table[j] = model([from + j * step]);
  return (x) => {
    const position = (x[0]! - from) / step;
    if (!(position >= 0 && position < intervals)) return model(x);
    const j = Math.floor(position);
    const share = position - j;
    return table[j]! + share * (table[j + 1]! - table[j]!);
  };
}

function norm(vector: readonly number[]): number {
  return Math.hypot(...vector);
}
