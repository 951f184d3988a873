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
import { fixed, signed, significant } from "@/lib/figures/format";
import { SliderField } from "@/components/ui/slider-field";
import {
  clampGeneralisationParams,
  evaluateTestRange,
  fitTwoModels,
  GENERALISATION_LIMITS,
  HIDDEN_UNITS,
  sampleCurves,
  testErrorCurve,
  testRange,
  TRAINING_MSE_TOLERANCE,
  TRAINING_RANGE,
  type GeneralisationParams,
  type TestReport,
  type TwoModelFit,
} from "@/lib/figures/generalisation-experiment";

export interface GeneralisationFigureProps {
  /** How far beyond the training range [−1, 1] the models are tested, 0 to 1.5 (default 0). */
  initialExtension?: number;
  /** Noise sd of the training labels, 0.02 to 0.5 (default 0.1). */
  initialNoise?: number;
  /** Seed, 1 to 100 (default 1). */
  initialSeed?: number;
}

// The cubic's curve leaves any sensible frame quickly; clip it there and let the numbers tell the rest.
const Y_DOMAIN: [number, number] = [-3, 3];

const rangeText = ([low, high]: readonly [number, number]) => `[${signed(low)}, ${signed(high)}]`;

/** Two models with the same training error that disagree once you test beyond the training range. */
export function GeneralisationFigure({ initialExtension, initialNoise, initialSeed }: GeneralisationFigureProps) {
  const { params, shown, set } = useFigureParams<GeneralisationParams>(() =>
    clampGeneralisationParams({ extension: initialExtension, noiseSd: initialNoise, seed: initialSeed }),
  );

  const fit = useMemo(() => fitTwoModels(shown.noiseSd, shown.seed), [shown.noiseSd, shown.seed]);
  const errorCurve = useMemo(() => testErrorCurve(fit), [fit]);
  const report = useMemo(() => evaluateTestRange(fit, shown.extension), [fit, shown.extension]);

  const buildFits = useCallback((width: number) => fitsPlot(fit, report, width), [fit, report]);
  const buildErrors = useCallback((width: number) => errorPlot(errorCurve, report, width), [errorCurve, report]);

  const L = GENERALISATION_LIMITS;
  return (
    <FigureShell
      testId="generalisation-figure"
      title="Same training error, different generalisation"
      description={
        <>
          A cubic polynomial and a ReLU network with {HIDDEN_UNITS} random hidden units are fitted to the same{" "}
          {fit.data.x.length} noisy samples of sin(2x) on {rangeText(TRAINING_RANGE)}. The network&rsquo;s ridge penalty
          is tuned until its training error equals the cubic&rsquo;s (to within {TRAINING_MSE_TOLERANCE * 100}%).
        </>
      }
    >
      <SliderGrid columns={3}>
        <SliderField
          label="How far beyond the training range you test"
          value={params.extension}
          min={L.extension.min}
          max={L.extension.max}
          step={L.extension.step}
          formatValue={(s) => `${fixed(s)}, testing on ${rangeText(testRange(s))}`}
          onValueChange={set("extension")}
          testId="generalisation-extension"
        />
        <SliderField
          label="Label noise σ"
          value={params.noiseSd}
          min={L.noiseSd.min}
          max={L.noiseSd.max}
          step={L.noiseSd.step}
          onValueChange={set("noiseSd")}
          testId="generalisation-noise"
        />
        <SliderField
          label="Seed"
          value={params.seed}
          min={L.seed.min}
          max={L.seed.max}
          step={L.seed.step}
          onValueChange={set("seed")}
          testId="generalisation-seed"
        />
      </SliderGrid>

      <ReadoutGrid testId="generalisation-readout" columns={3}>
        <Readout label="Test range" testId="generalisation-readout-range">
          {rangeText(report.range)}
        </Readout>
        <Readout label="Training error (MSE), cubic · network" testId="generalisation-readout-training">
          {significant(fit.cubic.trainingMse)} · {significant(fit.relu.trainingMse)}
        </Readout>
        <Readout label="Test error, cubic" testId="generalisation-readout-test-cubic" colour={readoutColour.primary}>
          {significant(report.cubicTestMse)}
        </Readout>
        <Readout label="Test error, network" testId="generalisation-readout-test-relu" colour={readoutColour.secondary}>
          {significant(report.reluTestMse)}
        </Readout>
        <Readout label="Disagreement (RMS)" testId="generalisation-readout-disagreement">
          {significant(report.disagreement)}
        </Readout>
      </ReadoutGrid>
      <FigureNote>
        Test error is the expected squared error on a fresh noisy label at a point drawn uniformly from the test range
        (it includes the noise variance σ² = {significant(fit.noiseSd ** 2)}). Disagreement is the root-mean-square difference
        between the two models over the test range.
      </FigureNote>

      <ChartGrid>
        <ChartPanel
          title="The two fits over the test range"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "band", text: "training range" },
                { swatch: "dot", text: "training data" },
                { swatch: "cubic", text: "cubic polynomial" },
                { swatch: "relu", text: "ReLU network" },
                { swatch: "truth", text: "true function sin(2x)" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildFits}
            testId="generalisation-fits"
            label={`Line chart over the test range ${rangeText(report.range)}. Both models follow the training data on ${rangeText(TRAINING_RANGE)}; beyond it the cubic curves away while the network continues in a straight line. Root-mean-square disagreement ${significant(report.disagreement)}.`}
          />
        </ChartPanel>
        <ChartPanel
          title="Test error as the test range widens"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "cubic", text: "cubic polynomial" },
                { swatch: "relu", text: "ReLU network" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildErrors}
            testId="generalisation-errors"
            label={`Line chart, log scale: test error of both models against how far beyond the training range they are tested. Both start near the noise level; at the current setting the cubic's is ${significant(report.cubicTestMse)} and the network's ${significant(report.reluTestMse)}.`}
          />
        </ChartPanel>
      </ChartGrid>

      <NumbersTable>
        <div className="mt-3 overflow-x-auto">
          <ErrorTable curve={errorCurve.filter((_, i) => i % 5 === 0)} />
        </div>
      </NumbersTable>
    </FigureShell>
  );
}

type Swatch = "band" | "dot" | "cubic" | "relu" | "truth";

const SWATCHES: Record<Swatch, ReactNode> = {
  "band": <rect width="20" height="10" fill="var(--fig-band)" />,
  "dot": <circle cx="10" cy="5" r="3" fill="currentColor" />,
  "cubic": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-primary)" strokeWidth="2.5" />,
  "relu": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-secondary)" strokeWidth="2.5" strokeDasharray="7 3" />,
  "truth": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-muted)" strokeWidth="1.5" strokeDasharray="2 2" />,
};

function ErrorTable({ curve }: { curve: TestReport[] }) {
  return (
    <table className="w-full border-collapse text-left text-xs tabular-nums">
      <caption className="sr-only">Test error of both models and their disagreement at each test range</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className="py-1 pr-3">Test range</th>
          <th scope="col" className="py-1 pr-3">Test error, cubic</th>
          <th scope="col" className="py-1 pr-3">Test error, network</th>
          <th scope="col" className="py-1 pr-3">Disagreement</th>
        </tr>
      </thead>
      <tbody>
        {curve.map((row) => (
          <tr key={row.extension} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-normal">{rangeText(row.range)}</th>
            <td className="py-1 pr-3">{significant(row.cubicTestMse)}</td>
            <td className="py-1 pr-3">{significant(row.reluTestMse)}</td>
            <td className="py-1 pr-3">{significant(row.disagreement)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function plotHeight(width: number) {
  return chartHeight(width);
}

function fitsPlot(fit: TwoModelFit, report: TestReport, width: number) {
  // Show at least a little beyond the training range so the band's edges are visible.
  const shownRange = testRange(Math.max(report.extension, 0.1));
  const curves = sampleCurves(fit, shownRange, 241);
  const data = fit.data.x.map((x, i) => ({ x, y: fit.data.y[i]! }));
  return Plot.plot({
    width,
    height: plotHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { label: "Input x →", labelOffset: 38, domain: shownRange },
    y: { label: "↑ Output", domain: Y_DOMAIN },
    clip: true,
    marks: [
      Plot.rect([TRAINING_RANGE], { x1: (r: readonly number[]) => r[0], x2: (r: readonly number[]) => r[1], fill: "var(--fig-band)" }),
      Plot.ruleX(report.extension > 0 ? report.range : [], { stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "2 4" }),
      Plot.line(curves, { x: "x", y: "truth", stroke: "var(--fig-muted)", strokeWidth: 1.5, strokeDasharray: "2 2" }),
      Plot.line(curves, { x: "x", y: "cubic", stroke: "var(--fig-primary)", strokeWidth: 2.5 }),
      Plot.line(curves, { x: "x", y: "relu", stroke: "var(--fig-secondary)", strokeWidth: 2.5, strokeDasharray: "7 3" }),
      Plot.dot(data, { x: "x", y: "y", r: 2.5, fill: "currentColor" }),
    ],
  });
}

function errorPlot(curve: TestReport[], report: TestReport, width: number) {
  return Plot.plot({
    width,
    height: plotHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { label: "How far beyond the training range →", labelOffset: 38, domain: [0, GENERALISATION_LIMITS.extension.max] },
    y: { type: "log", label: "↑ Test error (MSE, log scale)", grid: true, ticks: 5, tickFormat: (d: number) => String(Number(d.toPrecision(1))) },
    marks: [
      Plot.line(curve, { x: "extension", y: "cubicTestMse", stroke: "var(--fig-primary)", strokeWidth: 2.5 }),
      Plot.line(curve, { x: "extension", y: "reluTestMse", stroke: "var(--fig-secondary)", strokeWidth: 2.5, strokeDasharray: "7 3" }),
      Plot.ruleX([report.extension], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot([report], { x: "extension", y: "cubicTestMse", fill: "var(--fig-primary)", r: 4 }),
      Plot.dot([report], { x: "extension", y: "reluTestMse", fill: "var(--fig-secondary)", r: 4 }),
    ],
  });
}
