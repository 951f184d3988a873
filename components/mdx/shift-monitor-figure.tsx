"use client";

import * as Plot from "@observablehq/plot";
import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from "react";
import { Legend, Readout } from "@/components/ui/figure-parts";
import { PlotFrame } from "@/components/ui/plot-frame";
import { SliderField } from "@/components/ui/slider-field";
import {
  CALIBRATION_WINDOWS,
  clampShiftParams,
  FINAL_WINDOWS,
  monitorStream,
  prepareMonitor,
  REFERENCE_SIZE,
  SHIFT_LIMITS,
  SHIFT_START,
  UPPER_EDGE,
  WINDOW_COUNT,
  type MonitorReport,
  type ShiftParams,
} from "@/lib/figures/distribution-shift";

export interface ShiftMonitorFigureProps {
  /** Input mean reached in the last window, 0 to 4 (default 2). */
  initialShift?: number;
  /** Inputs per monitoring window, 20 to 500 (default 100). */
  initialWindowSize?: number;
  /** Target false-alarm rate per window in percent, 0.5 to 20 (default 5). */
  initialFalseAlarmPercent?: number;
  /** Seed, 1 to 100 (default 1). */
  initialSeed?: number;
}

// Colours as CSS variables so dark mode can swap them without re-rendering the plots.
const FIGURE_COLOURS =
  "[--fig-accuracy:#0369a1] [--fig-statistic:#c2410c] [--fig-alarm:#be123c] [--fig-muted:#94a3b8] [--fig-band:#e2e8f0] dark:[--fig-accuracy:#38bdf8] dark:[--fig-statistic:#fb923c] dark:[--fig-alarm:#fb7185] dark:[--fig-muted:#64748b] dark:[--fig-band:#1e293b]";

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const windows = (n: number) => `${n} window${n === 1 ? "" : "s"}`;

/** A classifier meets covariate shift after deployment; a monitor on unlabelled inputs raises the alarm. */
export function ShiftMonitorFigure({ initialShift, initialWindowSize, initialFalseAlarmPercent, initialSeed }: ShiftMonitorFigureProps) {
  const [params, setParams] = useState<ShiftParams>(() =>
    clampShiftParams({ shiftSize: initialShift, windowSize: initialWindowSize, falseAlarmPercent: initialFalseAlarmPercent, seed: initialSeed }),
  );
  // Recalibrating for a new window size takes up to a tenth of a second; keep the sliders responsive.
  const shown = useDeferredValue(params);
  const set = <K extends keyof ShiftParams>(key: K) => (value: ShiftParams[K]) => setParams((p) => ({ ...p, [key]: value }));

  const setup = useMemo(() => prepareMonitor(shown.windowSize, shown.seed), [shown.windowSize, shown.seed]);
  const report = useMemo(() => monitorStream(setup, shown), [setup, shown]);

  const buildAccuracy = useCallback((width: number) => accuracyPlot(report, width), [report]);
  const buildMonitor = useCallback((width: number) => monitorPlot(report, width), [report]);

  const L = SHIFT_LIMITS;
  const alarmWindow = report.firstAlarm === null ? null : report.windows[report.firstAlarm]!;
  const expectedFalseAlarms = (SHIFT_START * report.params.falseAlarmPercent) / 100;
  return (
    <figure
      data-testid="shift-monitor-figure"
      className={`not-prose my-8 rounded-xl border border-slate-200 bg-white p-4 text-slate-900 sm:p-6 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${FIGURE_COLOURS}`}
    >
      <figcaption className="mb-4">
        <span className="block text-base font-semibold">Covariate shift after deployment, and a monitor that notices it</span>
        <span className="mt-1 block text-sm text-slate-600 dark:text-slate-300">
          The true rule labels an input positive when 0 &lt; x &lt; {UPPER_EDGE} (5% of labels are flipped). Training inputs
          x ~ N(0, 1) almost never exceed {UPPER_EDGE}, so the classifier learned &ldquo;positive when x &gt;{" "}
          {fixed(report.classifierThreshold)}&rdquo;. After window {SHIFT_START} the input mean drifts upwards while the
          rule stays fixed. The monitor sees no labels: it compares each window of inputs with {REFERENCE_SIZE.toLocaleString("en-GB")}{" "}
          reference inputs by a Kolmogorov–Smirnov test, with its threshold calibrated on{" "}
          {CALIBRATION_WINDOWS.toLocaleString("en-GB")} simulated in-distribution windows.
        </span>
      </figcaption>

      <div className="grid gap-4 sm:grid-cols-2">
        <SliderField
          label="Shift: input mean in the last window"
          value={params.shiftSize}
          min={L.shiftSize.min}
          max={L.shiftSize.max}
          step={L.shiftSize.step}
          onValueChange={set("shiftSize")}
          testId="shift-size"
        />
        <SliderField
          label="Inputs per window"
          value={params.windowSize}
          min={L.windowSize.min}
          max={L.windowSize.max}
          step={L.windowSize.step}
          onValueChange={set("windowSize")}
          testId="shift-window"
        />
        <SliderField
          label="Target false-alarm rate per window (%)"
          value={params.falseAlarmPercent}
          min={L.falseAlarmPercent.min}
          max={L.falseAlarmPercent.max}
          scale="log"
          formatValue={(v) => `${v}%`}
          onValueChange={set("falseAlarmPercent")}
          testId="shift-false-alarm"
        />
        <SliderField
          label="Seed"
          value={params.seed}
          min={L.seed.min}
          max={L.seed.max}
          step={L.seed.step}
          onValueChange={set("seed")}
          testId="shift-seed"
        />
      </div>

      <dl aria-live="polite" data-testid="shift-readout" className="mt-5 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <Readout label={`Accuracy before the shift (windows 1–${SHIFT_START})`} testId="shift-readout-accuracy-before" colour="text-sky-700 dark:text-sky-300">
          {percent(report.accuracyBefore)}
        </Readout>
        <Readout label={`Accuracy, last ${FINAL_WINDOWS} windows`} testId="shift-readout-accuracy-after" colour="text-sky-700 dark:text-sky-300">
          {percent(report.accuracyAfter)}
        </Readout>
        <Readout label="Detection delay" testId="shift-readout-delay" colour="text-orange-700 dark:text-orange-300">
          {report.params.shiftSize === 0 ? "no shift to detect" : report.detectionDelay === null ? "not detected" : windows(report.detectionDelay)}
        </Readout>
        <Readout label="At the alarm: input mean (accuracy)" testId="shift-readout-at-alarm">
          {alarmWindow === null ? "no alarm" : `${fixed(alarmWindow.mean)} (${percent(alarmWindow.expectedAccuracy)})`}
        </Readout>
        <Readout label={`False alarms before the shift (expected ${fixed(expectedFalseAlarms, 1)})`} testId="shift-readout-false-alarms">
          {report.falseAlarmsBefore} of {SHIFT_START}
        </Readout>
        <Readout label="Alarm threshold (KS distance)" testId="shift-readout-threshold">
          {Number.isFinite(report.alarmThreshold) ? fixed(report.alarmThreshold, 3) : "never alarms"}
        </Readout>
      </dl>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        Accuracy needs labels, which a deployed system rarely has; the monitor works without them. Detection delay counts
        the windows seen under shift up to and including the first alarm. The accuracy at the alarm is the expected
        accuracy for that window&rsquo;s input mean.
      </p>

      <div className="mt-5 grid gap-6 lg:grid-cols-2">
        <div>
          <p className="mb-2 text-sm font-semibold">Accuracy in each window (needs labels)</p>
          <PlotFrame
            build={buildAccuracy}
            testId="shift-accuracy"
            label={`Line chart of the classifier's accuracy over ${WINDOW_COUNT} windows. It averages ${percent(report.accuracyBefore)} before the shift starts at window ${SHIFT_START + 1} and ${percent(report.accuracyAfter)} over the last ${FINAL_WINDOWS} windows.`}
          />
          <Legend
            swatches={SWATCHES}
            items={[
              { swatch: "band", text: "before the shift" },
              { swatch: "line-accuracy", text: "accuracy, simulated" },
              { swatch: "dashed", text: "accuracy, expected" },
              { swatch: "alarm", text: "first alarm" },
            ]}
          />
        </div>
        <div>
          <p className="mb-2 text-sm font-semibold">Monitor statistic in each window (no labels)</p>
          <PlotFrame
            build={buildMonitor}
            testId="shift-monitor"
            label={`Chart of the Kolmogorov–Smirnov distance between each window's inputs and the reference sample, with the alarm threshold ${Number.isFinite(report.alarmThreshold) ? fixed(report.alarmThreshold, 3) : "set so high it never fires"}. ${report.params.shiftSize === 0 ? "There is no shift, so every alarm is a false one." : report.detectionDelay === null ? "The shift is not detected." : `The first alarm after the shift comes ${windows(report.detectionDelay)} in.`}`}
          />
          <Legend
            swatches={SWATCHES}
            items={[
              { swatch: "band", text: "before the shift" },
              { swatch: "dot-statistic", text: "no alarm" },
              { swatch: "dot-alarm", text: "alarm" },
              { swatch: "dashed", text: "threshold" },
            ]}
          />
        </div>
      </div>

      <details className="mt-5 text-sm">
        <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">Show the numbers as a table</summary>
        <div className="mt-3 overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-400" tabIndex={0} role="region" aria-label="Windows table">
          <WindowTable report={report} />
        </div>
      </details>
    </figure>
  );
}


type Swatch = "band" | "line-accuracy" | "dashed" | "alarm" | "dot-statistic" | "dot-alarm";

const SWATCHES: Record<Swatch, ReactNode> = {
  "band": <rect width="20" height="10" fill="var(--fig-band)" />,
  "line-accuracy": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-accuracy)" strokeWidth="2.5" />,
  "dashed": <line x1="0" x2="20" y1="5" y2="5" stroke="currentColor" strokeWidth="1.5" strokeDasharray="5 3" />,
  "alarm": <line x1="10" x2="10" y1="0" y2="10" stroke="var(--fig-alarm)" strokeWidth="2" />,
  "dot-statistic": <circle cx="10" cy="5" r="3" fill="var(--fig-statistic)" />,
  "dot-alarm": <rect x="6" y="1" width="8" height="8" fill="var(--fig-alarm)" />,
};

const cell = "py-1 pr-3";

function WindowTable({ report }: { report: MonitorReport }) {
  return (
    <table className="w-full border-collapse text-left text-xs tabular-nums">
      <caption className="sr-only">Input mean, accuracy, monitor statistic and alarm for each window</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className={cell}>Window</th>
          <th scope="col" className={cell}>Input mean</th>
          <th scope="col" className={cell}>Accuracy</th>
          <th scope="col" className={cell}>Expected accuracy</th>
          <th scope="col" className={cell}>KS distance</th>
          <th scope="col" className={cell}>Alarm</th>
        </tr>
      </thead>
      <tbody>
        {report.windows.map((w) => (
          <tr key={w.index} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className={`${cell} font-normal`}>{w.index + 1}</th>
            <td className={cell}>{fixed(w.mean)}</td>
            <td className={cell}>{percent(w.accuracy)}</td>
            <td className={cell}>{percent(w.expectedAccuracy)}</td>
            <td className={cell}>{fixed(w.statistic, 3)}</td>
            <td className={cell}>{w.alarm ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function plotHeight(width: number) {
  return Math.round(Math.min(320, Math.max(240, width * 0.65)));
}

// Windows are numbered from 1 on screen; the band covers the in-distribution windows.
const windowAxis = { label: "Window →", labelOffset: 38, domain: [0.5, WINDOW_COUNT + 0.5] } as const;
const beforeShiftBand = () => Plot.rect([[0.5, SHIFT_START + 0.5]], { x1: (r: number[]) => r[0], x2: (r: number[]) => r[1], fill: "var(--fig-band)" });

function accuracyPlot(report: MonitorReport, width: number) {
  const rows = report.windows.map((w) => ({ window: w.index + 1, accuracy: w.accuracy, expected: w.expectedAccuracy }));
  return Plot.plot({
    width,
    height: plotHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: windowAxis,
    y: { label: "↑ Accuracy", domain: [0, 1], grid: true, tickFormat: (d: number) => `${Math.round(d * 100)}%` },
    marks: [
      beforeShiftBand(),
      Plot.ruleX(report.firstAlarm === null ? [] : [report.firstAlarm + 1], { stroke: "var(--fig-alarm)", strokeWidth: 2 }),
      Plot.line(rows, { x: "window", y: "expected", stroke: "currentColor", strokeDasharray: "5 3", strokeWidth: 1.5 }),
      Plot.line(rows, { x: "window", y: "accuracy", stroke: "var(--fig-accuracy)", strokeWidth: 2 }),
    ],
  });
}

function monitorPlot(report: MonitorReport, width: number) {
  const rows = report.windows.map((w) => ({ window: w.index + 1, statistic: w.statistic, alarm: w.alarm }));
  const largest = Math.max(...rows.map((r) => r.statistic), Number.isFinite(report.alarmThreshold) ? report.alarmThreshold : 0);
  return Plot.plot({
    width,
    height: plotHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: windowAxis,
    y: { label: "↑ KS distance to the reference", domain: [0, largest * 1.05], grid: true },
    marks: [
      beforeShiftBand(),
      Plot.ruleY(Number.isFinite(report.alarmThreshold) ? [report.alarmThreshold] : [], { stroke: "currentColor", strokeDasharray: "5 3", strokeWidth: 1.5 }),
      Plot.dot(rows.filter((r) => !r.alarm), { x: "window", y: "statistic", r: 3, fill: "var(--fig-statistic)" }),
      Plot.dot(rows.filter((r) => r.alarm), { x: "window", y: "statistic", r: 4, symbol: "square", fill: "var(--fig-alarm)" }),
    ],
  });
}
