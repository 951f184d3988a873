// A deployed classifier under covariate shift (lesson 5). The true rule labels an input positive
// when 0 < x < 2.5, with 5% of labels flipped. Training inputs x ~ N(0, 1) almost never exceed
// 2.5, so the classifier fitted in training, "positive when x > c", scores as well there as the
// true rule. After deployment the input mean drifts upwards while the rule p(y | x) stays fixed:
// accuracy falls once inputs reach the region training never covered. A monitor that sees only
// unlabelled inputs compares each window with a reference sample by a Kolmogorov–Smirnov test.
import { createNormal, createRandom, seedFromString } from "@/lib/random/seeded";
import { normalCdf } from "./normal-distribution";
import { calibratedThreshold, ksStatistic, sortedCopy } from "./two-sample-test";
import { clampToLimits } from "./limits";

export const UPPER_EDGE = 2.5;
export const LABEL_NOISE = 0.05;
const TRAINING_SIZE = 1000;
/** Unlabelled in-distribution inputs the monitor keeps as its reference. */
export const REFERENCE_SIZE = 1000;
/** In-distribution windows simulated to calibrate the alarm threshold. */
export const CALIBRATION_WINDOWS = 1000;
export const WINDOW_COUNT = 60;
/** Windows 0 … SHIFT_START − 1 are in distribution; the shift then grows linearly. */
export const SHIFT_START = 20;
/** Accuracy "after" is measured on this many final windows. */
export const FINAL_WINDOWS = 10;

export const SHIFT_LIMITS = {
  shiftSize: { min: 0, max: 4, step: 0.1, initial: 2 },
  windowSize: { min: 20, max: 500, step: 10, initial: 100 },
  falseAlarmPercent: { min: 0.5, max: 20, initial: 5 },
  seed: { min: 1, max: 100, step: 1, initial: 1 },
} as const;

export interface ShiftParams {
  /** Input mean in the last window (it is 0 in training). */
  shiftSize: number;
  windowSize: number;
  /** Target per-window false-alarm rate, in percent. */
  falseAlarmPercent: number;
  seed: number;
}

function trueLabel(x: number): boolean {
  return x > 0 && x < UPPER_EDGE;
}

/** Mean of the inputs in window t: 0 before the shift, then rising linearly to shiftSize. */
export function windowMean(t: number, shiftSize: number): number {
  return t < SHIFT_START ? 0 : (shiftSize * (t - SHIFT_START + 1)) / (WINDOW_COUNT - SHIFT_START);
}

/** Fits "positive when x > c" to labelled training data, choosing c to minimise training errors. */
export function fitThresholdClassifier(seed: number): number {
  const random = createRandom(seedFromString(`shift-training:${seed}`));
  const normal = createNormal(random);
  const points = Array.from({ length: TRAINING_SIZE }, () => {
    const x = normal();
    return { x, y: trueLabel(x) !== random() < LABEL_NOISE };
  }).sort((a, b) => a.x - b.x);
  // With c below every point all are predicted positive; moving c past a point flips its prediction.
  let errors = points.filter((p) => !p.y).length;
  let best = { errors, threshold: points[0]!.x - 1 };
  points.forEach((point, k) => {
    errors += point.y ? 1 : -1;
    const next = points[k + 1]?.x ?? point.x + 1;
    if (errors < best.errors) best = { errors, threshold: (point.x + next) / 2 };
  });
  return best.threshold;
}

/** Exact expected accuracy of "x > c" on inputs x ~ N(mean, 1) under the true rule and label noise. */
export function expectedAccuracy(threshold: number, mean: number): number {
  const cdf = (x: number) => normalCdf(x - mean);
  const c = Math.min(threshold, UPPER_EDGE);
  // Prediction and rule disagree between 0 and c, and above the upper edge.
  const disagreement = Math.abs(cdf(c) - cdf(0)) + (1 - cdf(UPPER_EDGE));
  return (1 - LABEL_NOISE) * (1 - disagreement) + LABEL_NOISE * disagreement;
}

/** Standard normal draws for a reference sample or a run of windows; `count` × `size` values. */
function standardNormals(label: string, count: number, size: number): Float64Array[] {
  const normal = createNormal(createRandom(seedFromString(label)));
  return Array.from({ length: count }, () => Float64Array.from({ length: size }, normal));
}

function drawReference(seed: number): Float64Array {
  return sortedCopy(standardNormals(`shift-reference:${seed}`, 1, REFERENCE_SIZE)[0]!);
}

/** KS statistics of CALIBRATION_WINDOWS in-distribution windows against the reference, sorted. */
function calibrationStatistics(reference: Float64Array, windowSize: number, seed: number): Float64Array {
  const windows = standardNormals(`shift-calibration:${seed}:${windowSize}`, CALIBRATION_WINDOWS, windowSize);
  return Float64Array.from(windows, (window) => ksStatistic(reference, window.sort())).sort();
}

/**
 * The deployment stream's randomness, drawn for the largest window so that the shift slider
 * moves the same inputs (x = mean + z) and a smaller window uses the first inputs of each.
 */
interface StreamDraws {
  standardInputs: Float64Array[];
  labelUniforms: Float64Array[];
}

function drawStream(seed: number): StreamDraws {
  const size = SHIFT_LIMITS.windowSize.max;
  const random = createRandom(seedFromString(`shift-stream-labels:${seed}`));
  return {
    standardInputs: standardNormals(`shift-stream:${seed}`, WINDOW_COUNT, size),
    labelUniforms: Array.from({ length: WINDOW_COUNT }, () => Float64Array.from({ length: size }, random)),
  };
}

interface WindowReport {
  index: number;
  mean: number;
  /** Share of the window the classifier got right (needs labels the monitor never sees). */
  accuracy: number;
  expectedAccuracy: number;
  statistic: number;
  alarm: boolean;
}

export interface MonitorReport {
  params: ShiftParams;
  classifierThreshold: number;
  alarmThreshold: number;
  windows: WindowReport[];
  accuracyBefore: number;
  accuracyAfter: number;
  falseAlarmsBefore: number;
  /** First window at or after SHIFT_START with an alarm; null if none, or if there is no shift. */
  firstAlarm: number | null;
  /** Windows observed under shift up to and including the first alarm; null if never detected. */
  detectionDelay: number | null;
}

export interface MonitorSetup {
  classifierThreshold: number;
  reference: Float64Array;
  calibration: Float64Array;
  stream: StreamDraws;
}

export function prepareMonitor(windowSize: number, seed: number): MonitorSetup {
  const reference = drawReference(seed);
  return {
    classifierThreshold: fitThresholdClassifier(seed),
    reference,
    calibration: calibrationStatistics(reference, windowSize, seed),
    stream: drawStream(seed),
  };
}

export function monitorStream(setup: MonitorSetup, params: ShiftParams): MonitorReport {
  const { classifierThreshold, reference, calibration, stream } = setup;
  const size = Math.min(params.windowSize, stream.standardInputs[0]!.length);
  const alarmThreshold = calibratedThreshold(calibration, params.falseAlarmPercent / 100);
  const windows = stream.standardInputs.map((standard, index): WindowReport => {
    const mean = windowMean(index, params.shiftSize);
    const inputs = new Float64Array(size);
    let correct = 0;
    for (let k = 0; k < size; k++) {
      const x = mean + standard[k]!;
      inputs[k] = x;
      const label = trueLabel(x) !== stream.labelUniforms[index]![k]! < LABEL_NOISE;
      if (x > classifierThreshold === label) correct++;
    }
    const statistic = ksStatistic(reference, inputs.sort());
    return { index, mean, accuracy: correct / size, expectedAccuracy: expectedAccuracy(classifierThreshold, mean), statistic, alarm: statistic > alarmThreshold };
  });
  const averageAccuracy = (list: WindowReport[]) => list.reduce((s, w) => s + w.accuracy, 0) / list.length;
  // With no shift there is nothing to detect: every alarm is a false one.
  const firstAlarm = params.shiftSize > 0 ? (windows.find((w) => w.index >= SHIFT_START && w.alarm)?.index ?? null) : null;
  return {
    params,
    classifierThreshold,
    alarmThreshold,
    windows,
    accuracyBefore: averageAccuracy(windows.slice(0, SHIFT_START)),
    accuracyAfter: averageAccuracy(windows.slice(-FINAL_WINDOWS)),
    falseAlarmsBefore: windows.slice(0, SHIFT_START).filter((w) => w.alarm).length,
    firstAlarm,
    detectionDelay: firstAlarm === null ? null : firstAlarm - SHIFT_START + 1,
  };
}

export function runShiftMonitor(params: ShiftParams): MonitorReport {
  return monitorStream(prepareMonitor(params.windowSize, params.seed), params);
}


export function clampShiftParams(params: Partial<ShiftParams>): ShiftParams {
  return clampToLimits(params, SHIFT_LIMITS, ["windowSize", "seed"]);
}
