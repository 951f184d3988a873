"use client";

import * as Plot from "@observablehq/plot";
import { useCallback, useMemo, type ReactNode } from "react";
import {
  ChartGrid,
  ChartPanel,
  chartHeight,
  FigureNote,
  FigureShell,
  Legend,
  NumbersTable,
  Readout,
  readoutColour,
  ReadoutGrid,
  SliderGrid,
  useFigureParams,
} from "@/components/ui/figure-shell";
import { PlotFrame } from "@/components/ui/plot-frame";
import { fixed, percent } from "@/lib/figures/format";
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


const windows = (n: number) => `${n} window${n === 1 ? "" : "s"}`;

/** A classifier meets covariate shift after deployment; a monitor on unlabelled inputs raises the alarm. */
export function ShiftMonitorFigure({ initialShift, initialWindowSize, initialFalseAlarmPercent, initialSeed }: ShiftMonitorFigureProps) {
  // Recalibrating for a new window size takes up to a tenth of a second; keep the sliders responsive.
  const { params, shown, set } = useFigureParams<ShiftParams>(() =>
    clampShiftParams({ shiftSize: initialShift, windowSize: initialWindowSize, falseAlarmPercent: initialFalseAlarmPercent, seed: initialSeed }),
  );

  const setup = useMemo(() => prepareMonitor(shown.windowSize, shown.seed), [shown.windowSize, shown.seed]);
  const report = useMemo(() => monitorStream(setup, shown), [setup, shown]);

  const buildAccuracy = useCallback((width: number) => accuracyPlot(report, width), [report]);
  const buildMonitor = useCallback((width: number) => monitorPlot(report, width), [report]);

  const L = SHIFT_LIMITS;
  const alarmWindow = report.firstAlarm === null ? null : report.windows[report.firstAlarm]!;
  const expectedFalseAlarms = (SHIFT_START * report.params.falseAlarmPercent) / 100;
  return (
    <FigureShell
      testId="shift-monitor-figure"
      title="Covariate shift after deployment, and a monitor that notices it"
      description={
        <>
          The true rule labels an input positive when 0 &lt; x &lt; {UPPER_EDGE} (5% of labels are flipped). Training inputs
          x ~ N(0, 1) almost never exceed {UPPER_EDGE}, so the classifier learned &ldquo;positive when x &gt;{" "}
          {fixed(report.classifierThreshold)}&rdquo;. After window {SHIFT_START} the input mean drifts upwards while the
          rule stays fixed. The monitor sees no labels: it compares each window of inputs with {REFERENCE_SIZE.toLocaleString("en-GB")}{" "}
          reference inputs by a Kolmogorov–Smirnov test, with its threshold calibrated on{" "}
          {CALIBRATION_WINDOWS.toLocaleString("en-GB")} simulated in-distribution windows.
        </>
      }
    >
      <SliderGrid columns={2}>
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
      </SliderGrid>

      <ReadoutGrid testId="shift-readout" columns={3}>
        <Readout label={`Accuracy before the shift (windows 1–${SHIFT_START})`} testId="shift-readout-accuracy-before" colour={readoutColour.primary}>
          {percent(report.accuracyBefore, 1)}
        </Readout>
        <Readout label={`Accuracy, last ${FINAL_WINDOWS} windows`} testId="shift-readout-accuracy-after" colour={readoutColour.primary}>
          {percent(report.accuracyAfter, 1)}
        </Readout>
        <Readout label="Detection delay" testId="shift-readout-delay" colour={readoutColour.secondary}>
          {report.params.shiftSize === 0 ? "no shift to detect" : report.detectionDelay === null ? "not detected" : windows(report.detectionDelay)}
        </Readout>
        <Readout label="At the alarm: input mean (accuracy)" testId="shift-readout-at-alarm">
          {alarmWindow === null ? "no alarm" : `${fixed(alarmWindow.mean)} (${percent(alarmWindow.expectedAccuracy, 1)})`}
        </Readout>
        <Readout label={`False alarms before the shift (expected ${fixed(expectedFalseAlarms, 1)})`} testId="shift-readout-false-alarms">
          {report.falseAlarmsBefore} of {SHIFT_START}
        </Readout>
        <Readout label="Alarm threshold (KS distance)" testId="shift-readout-threshold">
          {Number.isFinite(report.alarmThreshold) ? fixed(report.alarmThreshold, 3) : "never alarms"}
        </Readout>
      </ReadoutGrid>
      <FigureNote>
        Accuracy needs labels, which a deployed system rarely has; the monitor works without them. Detection delay counts
        the windows seen under shift up to and including the first alarm. The accuracy at the alarm is the expected
        accuracy for that window&rsquo;s input mean.
      </FigureNote>

      <ChartGrid>
        <ChartPanel
          title="Accuracy in each window (needs labels)"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "band", text: "before the shift" },
                { swatch: "line-accuracy", text: "accuracy, simulated" },
                { swatch: "dashed", text: "accuracy, expected" },
                { swatch: "alarm", text: "first alarm" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildAccuracy}
            testId="shift-accuracy"
            label={`Line chart of the classifier's accuracy over ${WINDOW_COUNT} windows. It averages ${percent(report.accuracyBefore, 1)} before the shift starts at window ${SHIFT_START + 1} and ${percent(report.accuracyAfter, 1)} over the last ${FINAL_WINDOWS} windows.`}
          />
        </ChartPanel>
        <ChartPanel
          title="Monitor statistic in each window (no labels)"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "band", text: "before the shift" },
                { swatch: "dot-statistic", text: "no alarm" },
                { swatch: "dot-alarm", text: "alarm" },
                { swatch: "dashed", text: "threshold" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildMonitor}
            testId="shift-monitor"
            label={`Chart of the Kolmogorov–Smirnov distance between each window's inputs and the reference sample, with the alarm threshold ${Number.isFinite(report.alarmThreshold) ? fixed(report.alarmThreshold, 3) : "set so high it never fires"}. ${report.params.shiftSize === 0 ? "There is no shift, so every alarm is a false one." : report.detectionDelay === null ? "The shift is not detected." : `The first alarm after the shift comes ${windows(report.detectionDelay)} in.`}`}
          />
        </ChartPanel>
      </ChartGrid>

      <NumbersTable>
        <div className="mt-3 overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-400" tabIndex={0} role="region" aria-label="Windows table">
          <WindowTable report={report} />
        </div>
      </NumbersTable>
    </FigureShell>
  );
}

type Swatch = "band" | "line-accuracy" | "dashed" | "alarm" | "dot-statistic" | "dot-alarm";

const SWATCHES: Record<Swatch, ReactNode> = {
  "band": <rect width="20" height="10" fill="var(--fig-band)" />,
  "line-accuracy": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-primary)" strokeWidth="2.5" />,
  "dashed": <line x1="0" x2="20" y1="5" y2="5" stroke="currentColor" strokeWidth="1.5" strokeDasharray="5 3" />,
  "alarm": <line x1="10" x2="10" y1="0" y2="10" stroke="var(--fig-alarm)" strokeWidth="2" />,
  "dot-statistic": <circle cx="10" cy="5" r="3" fill="var(--fig-secondary)" />,
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
            <td className={cell}>{percent(w.accuracy, 1)}</td>
            <td className={cell}>{percent(w.expectedAccuracy, 1)}</td>
            <td className={cell}>{fixed(w.statistic, 3)}</td>
            <td className={cell}>{w.alarm ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function plotHeight(width: number) {
  return chartHeight(width, { min: 240, max: 320, ratio: 0.65 });
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
      Plot.line(rows, { x: "window", y: "accuracy", stroke: "var(--fig-primary)", strokeWidth: 2 }),
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
      Plot.dot(rows.filter((r) => !r.alarm), { x: "window", y: "statistic", r: 3, fill: "var(--fig-secondary)" }),
      Plot.dot(rows.filter((r) => r.alarm), { x: "window", y: "statistic", r: 4, symbol: "square", fill: "var(--fig-alarm)" }),
    ],
  });
}
