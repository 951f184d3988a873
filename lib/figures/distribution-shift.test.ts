import { describe, expect, it } from "vitest";
import {
  clampShiftParams,
  expectedAccuracy,
  fitThresholdClassifier,
  LABEL_NOISE,
  monitorStream,
  prepareMonitor,
  runShiftMonitor,
  SHIFT_START,
  UPPER_EDGE,
  WINDOW_COUNT,
  windowMean,
  type ShiftParams,
} from "./distribution-shift";

const base: ShiftParams = { shiftSize: 2, windowSize: 100, falseAlarmPercent: 5, seed: 1 };
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("the deployed classifier", () => {
  it("learns a threshold near 0 from training data that rarely reach the upper edge", () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(Math.abs(fitThresholdClassifier(seed))).toBeLessThan(0.15);
  });

  it("is as accurate as the noise allows in distribution, and loses accuracy as inputs drift past the edge", () => {
    const c = 0;
    const inDistribution = expectedAccuracy(c, 0);
    expect(inDistribution).toBeCloseTo((1 - LABEL_NOISE) * (1 - (1 - normalTail(UPPER_EDGE))) + LABEL_NOISE * (1 - normalTail(UPPER_EDGE)), 6);
    expect(inDistribution).toBeGreaterThan(0.94);
    // Once the mean passes the edge, most inputs are misclassified.
    const means = [0, 0.5, 1, 1.5, 2, 2.5, 3, 4];
    const accuracies = means.map((m) => expectedAccuracy(c, m));
    for (let k = 1; k < accuracies.length; k++) expect(accuracies[k]!).toBeLessThan(accuracies[k - 1]!);
    expect(expectedAccuracy(c, 4)).toBeLessThan(0.2);
  });

  it("matches its simulated accuracy on average", () => {
    const report = runShiftMonitor({ ...base, windowSize: 500, shiftSize: 3 });
    const simulated = mean(report.windows.map((w) => w.accuracy));
    const expected = mean(report.windows.map((w) => w.expectedAccuracy));
    expect(Math.abs(simulated - expected)).toBeLessThan(0.01);
  });
});

/** P(Z ≤ z) for the standard normal, by a crude but independent midpoint-rule integral. */
function normalTail(z: number): number {
  let total = 0;
  const step = 0.0005;
  for (let x = -10; x < z; x += step) total += Math.exp(-((x + step / 2) ** 2) / 2) * step;
  return total / Math.sqrt(2 * Math.PI);
}

describe("the stream", () => {
  it("is in distribution before SHIFT_START and then drifts linearly to the shift size", () => {
    expect(windowMean(SHIFT_START - 1, 3)).toBe(0);
    expect(windowMean(SHIFT_START, 3)).toBeGreaterThan(0);
    expect(windowMean(WINDOW_COUNT - 1, 3)).toBeCloseTo(3, 12);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = runShiftMonitor(base);
    const b = runShiftMonitor(base);
    const c = runShiftMonitor({ ...base, seed: 2 });
    expect(b).toEqual(a);
    expect(c.windows.map((w) => w.statistic)).not.toEqual(a.windows.map((w) => w.statistic));
  });

  it("degrades accuracy silently: labels show the drop, the shift slider moves the same inputs", () => {
    const setup = prepareMonitor(base.windowSize, 7);
    const none = monitorStream(setup, { ...base, shiftSize: 0, seed: 7 });
    const large = monitorStream(setup, { ...base, shiftSize: 3, seed: 7 });
    expect(large.accuracyBefore).toBe(none.accuracyBefore);
    expect(Math.abs(none.accuracyAfter - none.accuracyBefore)).toBeLessThan(0.05);
    expect(large.accuracyAfter).toBeLessThan(large.accuracyBefore - 0.3);
  });
});

describe("the monitor", () => {
  it("raises false alarms at close to the target rate when nothing shifts", () => {
    for (const falseAlarmPercent of [2, 10]) {
      let alarms = 0;
      let windows = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const report = runShiftMonitor({ shiftSize: 0, windowSize: 50, falseAlarmPercent, seed });
        alarms += report.windows.filter((w) => w.alarm).length;
        windows += report.windows.length;
      }
      const rate = alarms / windows;
      // 3,600 windows: the binomial standard error is under 0.5 percentage points; the KS
      // statistic's ties make the test slightly conservative.
      expect(rate).toBeLessThan(falseAlarmPercent / 100 + 0.015);
      expect(rate).toBeGreaterThan(falseAlarmPercent / 100 - 0.02);
    }
  });

  it("detects a larger shift sooner, on average over seeds", () => {
    // One setup per seed; only the shift changes between runs.
    const setups = Array.from({ length: 30 }, (_, i) => ({ seed: i + 1, setup: prepareMonitor(base.windowSize, i + 1) }));
    // An undetected shift counts as detected one window after the stream ends.
    const meanDelay = (shiftSize: number) =>
      mean(setups.map(({ seed, setup }) => monitorStream(setup, { ...base, shiftSize, seed }).detectionDelay ?? WINDOW_COUNT - SHIFT_START + 1));
    const delays = [0.5, 1, 2, 4].map(meanDelay);
    for (let k = 1; k < delays.length; k++) expect(delays[k]!).toBeLessThan(delays[k - 1]!);
  });

  it("detects sooner with larger windows, and alarms more often with a looser false-alarm rate", () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const meanDelay = (windowSize: number) =>
      mean(seeds.map((seed) => runShiftMonitor({ ...base, windowSize, seed }).detectionDelay ?? WINDOW_COUNT - SHIFT_START + 1));
    expect(meanDelay(400)).toBeLessThan(meanDelay(30));
    const setup = prepareMonitor(base.windowSize, 3);
    const strict = monitorStream(setup, { ...base, falseAlarmPercent: 1, seed: 3 });
    const loose = monitorStream(setup, { ...base, falseAlarmPercent: 20, seed: 3 });
    expect(loose.alarmThreshold).toBeLessThan(strict.alarmThreshold);
    expect(loose.windows.filter((w) => w.alarm).length).toBeGreaterThanOrEqual(strict.windows.filter((w) => w.alarm).length);
  });

  it("reports no detection when there is no shift, even if the monitor alarms", () => {
    const report = runShiftMonitor({ ...base, shiftSize: 0, falseAlarmPercent: 20 });
    expect(report.windows.slice(SHIFT_START).some((w) => w.alarm)).toBe(true);
    expect(report.firstAlarm).toBeNull();
    expect(report.detectionDelay).toBeNull();
  });

  it("reports the delay as the windows seen under shift up to the first alarm", () => {
    const report = runShiftMonitor({ ...base, shiftSize: 4 });
    expect(report.firstAlarm).not.toBeNull();
    expect(report.windows[report.firstAlarm!]!.alarm).toBe(true);
    expect(report.windows.slice(SHIFT_START, report.firstAlarm!).some((w) => w.alarm)).toBe(false);
    expect(report.detectionDelay).toBe(report.firstAlarm! - SHIFT_START + 1);
    expect(report.falseAlarmsBefore).toBe(report.windows.slice(0, SHIFT_START).filter((w) => w.alarm).length);
  });
});

describe("clampShiftParams", () => {
  it("brings parameters into the slider ranges", () => {
    expect(clampShiftParams({ shiftSize: 9, windowSize: 3, falseAlarmPercent: 0, seed: Number.NaN })).toEqual({
      shiftSize: 4,
      windowSize: 20,
      falseAlarmPercent: 0.5,
      seed: 1,
    });
  });
});
