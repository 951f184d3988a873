// runSandbox: one call from parameters to everything the sandbox shows. The worker calls it; so can
// tests and the CLI. createSandboxRunner keeps the last scenario and validity scores, so moving α,
// the split or k only recalibrates instead of redrawing.
import { bandAt, splitWidth } from "./band";
import { calibrateStepLosses, type CalibrationResult } from "./crc";
import { sandboxSample, scoreSample, streamFor, type SampleScores, type SandboxSample } from "./samples";
import type { Scenario } from "./scenarios";
import { sandboxParamsSchema, type SandboxParams, type SandboxParamsInput } from "./schema";
import { amplifyScores, type Point, type PropertySpec } from "./testers";
import { freshSplitScores, resampledSplitScores, summariseValidity } from "./validity";
import { bestMonotoneMisfit, concaveWitness, envelopeWitness, isotonicWitness } from "./witness";

export type SandboxResult = {
  params: SandboxParams;
  dimension: 1 | 2;
  feature: number;
  propertyLabel: string;
  calibration: CalibrationResult;
  /** Losses after amplification: n′ = ⌊n/k⌋ calibration and ⌊n_test/k⌋ test losses. */
  nEffective: number;
  nTestEffective: number;
  /** ŝ = λ⁻ + λ⁺ and its split; null when no finite ŝ exists. */
  width: number | null;
  lambdaMinus: number | null;
  lambdaPlus: number | null;
  rejections: { calibrationBefore: number; calibrationAfter: number | null; testBefore: number; testAfter: number | null };
  /** f, the band and the ideal function along feature k (other features held at 0.5). */
  curve: { x: number[]; f: number[]; lower: number[] | null; upper: number[] | null; ideal: number[] | null };
  data: { x: number[]; y: number[] };
  witness: {
    kind: "envelope" | "isotonic" | "concave-majorant";
    x: number[];
    values: number[];
    outside: boolean[];
    epsilon: number;
    /** The smallest ε any monotone function achieves on these points (monotone properties, n ≤ 4000). */
    bestEpsilon: number | null;
  } | null;
  riskCurve: { lambda: number[]; risk: number[]; bound: number[] };
  validity: { risks: number[]; meanRisk: number; standardError: number; runs: number; infiniteRuns: number } | null;
  elapsedMs: number;
};

type Prepared = { key: string; scenario: Scenario; sample: SandboxSample; scores: SampleScores; validity: SampleScores[] };

export function createSandboxRunner(): (input: SandboxParamsInput) => SandboxResult {
  let cached: Prepared | null = null;
  return (input) => {
    const started = now();
    const params = sandboxParamsSchema.parse(input);
    const key = preparationKey(params);
    if (!cached || cached.key !== key) cached = prepare(params, key);
    return assemble(params, cached, started);
  };
}

export function runSandbox(input: SandboxParamsInput): SandboxResult {
  return createSandboxRunner()(input);
}

function propertyOf(params: SandboxParams): PropertySpec {
  const feature = params.dataset === "plane-2d" ? params.feature : 0;
  return params.property === "concave" ? { kind: "concave", feature } : { kind: params.property, feature };
}

export { sandboxSample } from "./samples";

function preparationKey(params: SandboxParams): string {
  const { alpha: _alpha, upperShare: _share, batches: _batches, witness: _witness, ...rest } = params;
  return JSON.stringify(rest);
}

function prepare(params: SandboxParams, key: string): Prepared {
  const { scenario, sample } = sandboxSample(params);
  const property = propertyOf(params);
  let scores: SampleScores;
  if (params.customScores) {
    const { calibration, test } = params.customScores;
    if (calibration.length !== sample.calibration.length || test.length !== sample.test.length) {
      throw new RangeError("custom scores must have one value per calibration and per test point");
    }
    scores = { calibration: Float64Array.from(calibration), test: Float64Array.from(test) };
  } else {
    scores = scoreSample(scenario, sample, property, streamFor(params.seed, "queries"));
  }
  const resample = params.customScores !== undefined || scenario.population !== null;
  const pooled = Float64Array.from([...scores.calibration, ...scores.test]);
  const validity = resample
    ? resampledSplitScores(pooled, scores.calibration.length, params.validityRuns, params.seed)
    : freshSplitScores(scenario, property, params.nCal, params.nTest, params.validityRuns, params.seed);
  return { key, scenario, sample, scores, validity };
}

function assemble(params: SandboxParams, prepared: Prepared, started: number): SandboxResult {
  const { scenario, sample, scores } = prepared;
  const property = propertyOf(params);
  const custom = params.customScores !== undefined;
  const calibrationLosses = amplifyScores(scores.calibration, params.batches);
  const testLosses = amplifyScores(scores.test, params.batches);
  if (calibrationLosses.length === 0) throw new RangeError(`k = ${params.batches} leaves no calibration batch`);
  const calibration = calibrateStepLosses(calibrationLosses, params.alpha);
  const width = calibration.lambdaHat;
  const half = width === null ? null : splitWidth(width, params.upperShare);

  const sliceAt = (value: number): Point => (scenario.dimension === 1 ? [value] : property.feature === 0 ? [value, 0.5] : [0.5, value]);
  const curveX = Array.from({ length: 161 }, (_, j) => j / 160);
  const f = curveX.map((x) => scenario.model(sliceAt(x)));
  const band = half ? bandAt(f, half) : null;

  return {
    params,
    dimension: scenario.dimension,
    feature: property.feature,
    propertyLabel: custom ? "your property" : describeProperty(property, scenario.dimension),
    calibration,
    nEffective: calibrationLosses.length,
    nTestEffective: testLosses.length,
    width,
    lambdaMinus: half?.lambdaMinus ?? null,
    lambdaPlus: half?.lambdaPlus ?? null,
    rejections: {
      calibrationBefore: rate(calibrationLosses, 0),
      calibrationAfter: width === null ? null : rate(calibrationLosses, width),
      testBefore: rate(testLosses, 0),
      testAfter: width === null ? null : rate(testLosses, width),
    },
    curve: {
      x: curveX,
      f,
      lower: band ? Array.from(band.lower) : null,
      upper: band ? Array.from(band.upper) : null,
      ideal: scenario.ideal ? curveX.map((x) => scenario.ideal!(sliceAt(x))) : null,
    },
    data: shownData(scenario, property.feature),
    witness: half && !custom ? witnessFor(params, scenario, sample, property, half, sliceAt) : null,
    riskCurve: riskCurve(calibrationLosses, width),
    validity: validitySummary(params, prepared),
    elapsedMs: now() - started,
  };
}

function witnessFor(
  params: SandboxParams,
  scenario: Scenario,
  sample: SandboxSample,
  property: PropertySpec,
  half: { lambdaMinus: number; lambdaPlus: number },
  sliceAt: (value: number) => Point,
): SandboxResult["witness"] {
  // In 2-D the witness is drawn along the slice the plot shows, at the calibration values of feature k.
  const xs = Float64Array.from(sample.calibration, (x) => x[property.feature]!).sort();
  const predictions = Array.from(xs, (x) => scenario.model(sliceAt(x)));
  const { lower, upper } = bandAt(predictions, half);
  const fit =
    property.kind === "concave"
      ? concaveWitness(xs, lower, upper)
      : params.witness === "isotonic"
        ? isotonicWitness(lower, upper, property.kind)
        : envelopeWitness(lower, upper, property.kind);
  const bestEpsilon = property.kind !== "concave" && xs.length <= 4000 ? bestMonotoneMisfit(lower, upper, property.kind) : null;
  return {
    kind: property.kind === "concave" ? "concave-majorant" : params.witness,
    x: Array.from(xs),
    values: Array.from(fit.values),
    outside: Array.from(fit.outside, (flag) => flag === 1),
    epsilon: fit.epsilon,
    bestEpsilon,
  };
}

function riskCurve(losses: Float64Array, width: number | null): SandboxResult["riskCurve"] {
  const sorted = Float64Array.from(losses).sort();
  const n = sorted.length;
  const top = Math.max(sorted[n - 1]! * 1.1, (width ?? 0) * 1.25, 0.02);
  const lambda = Array.from({ length: 241 }, (_, j) => (top * j) / 240);
  const risk = lambda.map((value) => (n - upperBound(sorted, value)) / n);
  return { lambda, risk, bound: risk.map((r) => (n / (n + 1)) * r + 1 / (n + 1)) };
}

function validitySummary(params: SandboxParams, prepared: Prepared): SandboxResult["validity"] {
  if (prepared.validity.length === 0) return null;
  const summary = summariseValidity(prepared.validity, params.alpha, params.batches);
  return {
    risks: Array.from(summary.risks),
    meanRisk: summary.meanRisk,
    standardError: summary.standardError,
    runs: summary.runs,
    infiniteRuns: summary.infiniteRuns,
  };
}

function shownData(scenario: Scenario, feature: number): SandboxResult["data"] {
  const x: number[] = [];
  const y: number[] = [];
  const { points, labels } = scenario.shown;
  for (let i = 0; i < points.length && x.length < 400; i++) {
    const point = points[i]!;
    // In 2-D keep points near the plotted slice (other feature within 0.1 of 0.5).
    if (scenario.dimension === 2 && Math.abs(point[1 - feature]! - 0.5) > 0.1) continue;
    x.push(point[feature]!);
    y.push(labels[i]!);
  }
  return { x, y };
}

function describeProperty(property: PropertySpec, dimension: 1 | 2): string {
  const feature = dimension === 1 ? "x" : `x${property.feature === 0 ? "₀" : "₁"}`;
  return property.kind === "concave" ? `concave in ${feature}` : `${property.kind} in ${feature}`;
}

function rate(losses: Float64Array, width: number): number {
  let count = 0;
  for (let i = 0; i < losses.length; i++) if (losses[i]! > width) count++;
  return losses.length === 0 ? 0 : count / losses.length;
}

/** Number of sorted values ≤ value. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
