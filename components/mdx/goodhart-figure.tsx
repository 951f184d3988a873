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
import { fixed, grouped, percentSignificant } from "@/lib/figures/format";
import { SliderField } from "@/components/ui/slider-field";
import {
  clampGoodhartParams,
  drawGoodhartSample,
  GOODHART_LIMITS,
  pressureCurve,
  rankByProxy,
  regressionSlope,
  selectTopFraction,
  type GoodhartParams,
  type Selection,
} from "@/lib/figures/regressional-goodhart";

export interface GoodhartFigureProps {
  /** Proxy noise σ, 0 to 3 (default 1). */
  initialNoise?: number;
  /** Percent of items kept, 0.1 to 50 (default 5). */
  initialPercentSelected?: number;
  /** Number of items, 100 to 5,000 (default 2,000). */
  initialSampleSize?: number;
  /** Seed, 1 to 100 (default 1). */
  initialSeed?: number;
}



/** Regressional Goodhart: select the top items by a noisy proxy and watch proxy and true value pull apart. */
export function GoodhartFigure({ initialNoise, initialPercentSelected, initialSampleSize, initialSeed }: GoodhartFigureProps) {
  // Keep the sliders responsive while a 5,000-point scatter redraws.
  const { params, shown, set } = useFigureParams<GoodhartParams>(() =>
    clampGoodhartParams({
      noiseSd: initialNoise,
      percentSelected: initialPercentSelected,
      sampleSize: initialSampleSize,
      seed: initialSeed,
    }),
  );

  const draws = useMemo(() => drawGoodhartSample(shown.sampleSize, shown.seed), [shown.sampleSize, shown.seed]);
  const ranked = useMemo(() => rankByProxy(draws, shown.noiseSd), [draws, shown.noiseSd]);
  const curve = useMemo(() => pressureCurve(ranked), [ranked]);
  const selection = useMemo(() => selectTopFraction(ranked, shown.percentSelected / 100), [ranked, shown.percentSelected]);

  const buildScatter = useCallback(
    (width: number) => scatterPlot(ranked.proxies, ranked.trueValues, selection, shown.noiseSd, width),
    [ranked, selection, shown.noiseSd],
  );
  const buildPressure = useCallback((width: number) => pressurePlot(curve, selection, width), [curve, selection]);

  const L = GOODHART_LIMITS;
  return (
    <FigureShell
      testId="goodhart-figure"
      title="Regressional Goodhart: selecting on a noisy proxy"
      description={
        <>
          Each item has a true value V ~ N(0, 1) and a proxy score U = V + noise. Keep the items with the highest proxy
          and compare what the proxy promised with what you got.
        </>
      }
    >
      <SliderGrid columns={2}>
        <SliderField
          label="Proxy noise σ"
          value={params.noiseSd}
          min={L.noiseSd.min}
          max={L.noiseSd.max}
          step={L.noiseSd.step}
          onValueChange={set("noiseSd")}
          testId="goodhart-noise"
        />
        <SliderField
          label="Fraction selected (%)"
          description="Smaller means harder selection."
          value={params.percentSelected}
          min={L.percentSelected.min}
          max={L.percentSelected.max}
          scale="log"
          formatValue={(v) => `${v}%`}
          onValueChange={set("percentSelected")}
          testId="goodhart-fraction"
        />
        <SliderField
          label="Sample size"
          value={params.sampleSize}
          min={L.sampleSize.min}
          max={L.sampleSize.max}
          step={L.sampleSize.step}
          onValueChange={set("sampleSize")}
          testId="goodhart-sample-size"
        />
        <SliderField
          label="Seed"
          value={params.seed}
          min={L.seed.min}
          max={L.seed.max}
          step={L.seed.step}
          onValueChange={set("seed")}
          testId="goodhart-seed"
        />
      </SliderGrid>

      <ReadoutGrid testId="goodhart-readout" columns={4}>
        <Readout label="Items kept" testId="goodhart-readout-count">
          {grouped(selection.count)} of {grouped(ranked.proxies.length)}
        </Readout>
        <Readout label="Mean proxy of kept" testId="goodhart-readout-proxy" colour={readoutColour.primary}>
          {fixed(selection.meanProxy)} <Theory value={selection.theory.meanProxy} />
        </Readout>
        <Readout label="Mean true value of kept" testId="goodhart-readout-true" colour={readoutColour.secondary}>
          {fixed(selection.meanTrue)} <Theory value={selection.theory.meanTrue} />
        </Readout>
        <Readout label="Gap (overpromise)" testId="goodhart-readout-gap">
          {fixed(selection.gap)} <Theory value={selection.theory.gap} />
        </Readout>
      </ReadoutGrid>
      <FigureNote>
        In brackets: the closed form for an infinite population, E[V | U] = U / (1 + σ²) ={" "}
        {fixed(regressionSlope(shown.noiseSd), 3)}·U.
      </FigureNote>

      <ChartGrid>
        <ChartPanel
          title="Proxy against true value"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "dot-muted", text: "item not kept" },
                { swatch: "dot-true", text: "kept (top by proxy)" },
                { swatch: "dashed", text: "E[V | U] = U / (1 + σ²)" },
                { swatch: "dotted", text: "V = U (what the proxy promises)" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildScatter}
            testId="goodhart-scatter"
            label={`Scatter plot of ${ranked.proxies.length} items, proxy score against true value. The ${selection.count} kept items have mean proxy ${fixed(selection.meanProxy)} but mean true value ${fixed(selection.meanTrue)}.`}
          />
        </ChartPanel>
        <ChartPanel
          title="Mean of the kept items as selection gets harder"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "line-proxy", text: "mean proxy (simulated)" },
                { swatch: "line-true", text: "mean true value (simulated)" },
                { swatch: "dashed", text: "closed form" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildPressure}
            testId="goodhart-pressure"
            label={`Line chart: as the fraction kept falls from 50% to 0.1%, the mean proxy of the kept items rises faster than their mean true value, and the gap between them grows. At ${percentSignificant(selection.fraction)} the gap is ${fixed(selection.gap)}.`}
          />
        </ChartPanel>
      </ChartGrid>

      <NumbersTable>
        <div className="mt-3 overflow-x-auto">
          <PressureTable curve={curve} />
        </div>
      </NumbersTable>
    </FigureShell>
  );
}

function Theory({ value }: { value: number }) {
  return <span className="font-normal text-slate-600 dark:text-slate-300">({fixed(value)})</span>;
}

type Swatch = "dot-muted" | "dot-true" | "line-proxy" | "line-true" | "dashed" | "dotted";

const SWATCHES: Record<Swatch, ReactNode> = {
  "dot-muted": <circle cx="10" cy="5" r="3" fill="var(--fig-muted)" />,
  "dot-true": <circle cx="10" cy="5" r="4" fill="var(--fig-secondary)" />,
  "line-proxy": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-primary)" strokeWidth="2" />,
  "line-true": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-secondary)" strokeWidth="2" />,
  "dashed": <line x1="0" x2="20" y1="5" y2="5" stroke="currentColor" strokeWidth="1.5" strokeDasharray="5 3" />,
  "dotted": <line x1="0" x2="20" y1="5" y2="5" stroke="currentColor" strokeWidth="1.5" strokeDasharray="1 3" />,
};

function PressureTable({ curve }: { curve: Selection[] }) {
  return (
    <table className="w-full border-collapse text-left text-xs tabular-nums">
      <caption className="sr-only">Mean proxy and mean true value of the kept items at each fraction kept, simulated and in closed form</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className="py-1 pr-3">Fraction kept</th>
          <th scope="col" className="py-1 pr-3">Items kept</th>
          <th scope="col" className="py-1 pr-3">Mean proxy</th>
          <th scope="col" className="py-1 pr-3">Mean true value</th>
          <th scope="col" className="py-1 pr-3">Gap</th>
          <th scope="col" className="py-1 pr-3">Gap, closed form</th>
        </tr>
      </thead>
      <tbody>
        {curve.map((row) => (
          <tr key={row.fraction} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-normal">{percentSignificant(row.fraction)}</th>
            <td className="py-1 pr-3">{grouped(row.count)}</td>
            <td className="py-1 pr-3">{fixed(row.meanProxy)}</td>
            <td className="py-1 pr-3">{fixed(row.meanTrue)}</td>
            <td className="py-1 pr-3">{fixed(row.gap)}</td>
            <td className="py-1 pr-3">{fixed(row.theory.gap)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function scatterPlot(proxies: Float64Array, trueValues: Float64Array, selection: Selection, noiseSd: number, width: number) {
  const points = Array.from(proxies, (proxy, rank) => ({ proxy, trueValue: trueValues[rank]!, kept: rank < selection.count }));
  const kept = points.filter((p) => p.kept);
  const rest = points.filter((p) => !p.kept);
  const extent = Math.max(...Array.from(proxies, Math.abs), 3);
  const slope = regressionSlope(noiseSd);
  return Plot.plot({
    width,
    height: chartHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { label: "Proxy score U →", labelOffset: 38, domain: [-extent, extent] },
    y: { label: "↑ True value V", domain: [-4, 4] },
    clip: true,
    marks: [
      Plot.ruleX([selection.threshold], { stroke: "var(--fig-secondary)", strokeOpacity: 0.6 }),
      Plot.dot(rest, { x: "proxy", y: "trueValue", r: 1.5, fill: "var(--fig-muted)", fillOpacity: 0.6 }),
      Plot.dot(kept, { x: "proxy", y: "trueValue", r: 2.5, fill: "var(--fig-secondary)" }),
      Plot.line([[-extent, -extent], [extent, extent]], { stroke: "currentColor", strokeDasharray: "1 3", strokeWidth: 1.5 }),
      Plot.line([[-extent, -extent * slope], [extent, extent * slope]], { stroke: "currentColor", strokeDasharray: "5 3", strokeWidth: 1.5 }),
    ],
  });
}

function pressurePlot(curve: Selection[], selection: Selection, width: number) {
  const rows = curve.map((s) => ({ fraction: s.fraction, proxy: s.meanProxy, trueValue: s.meanTrue, theoryProxy: s.theory.meanProxy, theoryTrue: s.theory.meanTrue }));
  return Plot.plot({
    width,
    height: chartHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { type: "log", reverse: true, labelOffset: 38, label: "Fraction kept (harder selection →)", tickFormat: (d: number) => percentSignificant(d), ticks: [0.5, 0.1, 0.01, 0.001] },
    y: { label: "↑ Mean of kept items", nice: true },
    marks: [
      Plot.areaY(rows, { x: "fraction", y1: "trueValue", y2: "proxy", fill: "var(--fig-muted)", fillOpacity: 0.25 }),
      Plot.line(rows, { x: "fraction", y: "theoryProxy", stroke: "var(--fig-primary)", strokeDasharray: "5 3", strokeWidth: 1.5 }),
      Plot.line(rows, { x: "fraction", y: "theoryTrue", stroke: "var(--fig-secondary)", strokeDasharray: "5 3", strokeWidth: 1.5 }),
      Plot.line(rows, { x: "fraction", y: "proxy", stroke: "var(--fig-primary)", strokeWidth: 2 }),
      Plot.line(rows, { x: "fraction", y: "trueValue", stroke: "var(--fig-secondary)", strokeWidth: 2 }),
      Plot.ruleX([selection.fraction], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot([selection], { x: "fraction", y: "meanProxy", fill: "var(--fig-primary)", r: 4 }),
      Plot.dot([selection], { x: "fraction", y: "meanTrue", fill: "var(--fig-secondary)", r: 4 }),
    ],
  });
}
