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
import { grouped, percent, signed } from "@/lib/figures/format";
import { SliderField } from "@/components/ui/slider-field";
import {
  clampPreferenceParams,
  COMPARISON_GRID,
  drawComparisons,
  drawResponses,
  fitPreferences,
  learningCurve,
  PREFERENCE_LIMITS,
  RESPONSE_COUNT,
  type HeldOutAccuracy,
  type PreferenceParams,
  type PreferenceReport,
  type Responses,
} from "@/lib/figures/preference-learning";

export interface PreferenceFigureProps {
  /** Number of pairwise comparisons, 20 to 5,000 (default 300). */
  initialComparisons?: number;
  /** Annotator noise τ, 0.25 to 4 (default 1). */
  initialNoise?: number;
  /** Percent of comparisons made by group B, 0 to 100 (default 0). */
  initialPercentGroupB?: number;
  /** Seed, 1 to 100 (default 1). */
  initialSeed?: number;
}



/** Fit one Bradley–Terry reward to comparisons from two annotator groups and see whose ranking it recovers. */
export function PreferenceFigure({ initialComparisons, initialNoise, initialPercentGroupB, initialSeed }: PreferenceFigureProps) {
  const { params, shown, set } = useFigureParams<PreferenceParams>(() =>
    clampPreferenceParams({ comparisons: initialComparisons, temperature: initialNoise, percentGroupB: initialPercentGroupB, seed: initialSeed }),
  );

  const responses = useMemo(() => drawResponses(shown.seed), [shown.seed]);
  // Drawn once for the largest count, so more comparisons only add to the ones already made.
  const draws = useMemo(() => drawComparisons(PREFERENCE_LIMITS.comparisons.max, shown.seed), [shown.seed]);
  const report = useMemo(() => fitPreferences(responses, draws, shown), [responses, draws, shown]);
  const { temperature, percentGroupB } = shown;
  // The learning curve ignores the comparisons slider, so dragging it only refits once.
  const curve = useMemo(
    () => learningCurve(responses, draws, { comparisons: PREFERENCE_LIMITS.comparisons.max, temperature, percentGroupB, seed: shown.seed }),
    [responses, draws, temperature, percentGroupB, shown.seed],
  );

  const buildRewards = useCallback((width: number) => rewardsPlot(responses, report, width), [responses, report]);
  const buildCurve = useCallback((width: number) => curvePlot(curve, report, width), [curve, report]);

  const L = PREFERENCE_LIMITS;
  const groupBCount = report.tally.byGroupB;
  return (
    <FigureShell
      testId="preference-figure"
      title="Learning one reward from pairwise preferences"
      description={
        <>
          {RESPONSE_COUNT} responses differ in quality and in how readily they offer personal suggestions. Group A&rsquo;s
          reward is quality + proactivity, group B&rsquo;s is quality − proactivity. Annotators compare random pairs and
          prefer i to j with probability σ((r<sub>i</sub> − r<sub>j</sub>) / τ); one Bradley–Terry reward is fitted to all
          the comparisons by maximum likelihood.
        </>
      }
    >
      <SliderGrid columns={2}>
        <SliderField
          label="Number of comparisons"
          value={params.comparisons}
          min={L.comparisons.min}
          max={L.comparisons.max}
          scale="log"
          formatValue={(v) => grouped(Math.round(v))}
          onValueChange={(v) => set("comparisons")(Math.round(v))}
          testId="preference-comparisons"
        />
        <SliderField
          label="Annotator noise τ"
          description="Larger means choices closer to coin flips."
          value={params.temperature}
          min={L.temperature.min}
          max={L.temperature.max}
          step={L.temperature.step}
          onValueChange={set("temperature")}
          testId="preference-noise"
        />
        <SliderField
          label="Comparisons made by group B (%)"
          value={params.percentGroupB}
          min={L.percentGroupB.min}
          max={L.percentGroupB.max}
          step={L.percentGroupB.step}
          formatValue={(v) => `${v}%`}
          onValueChange={set("percentGroupB")}
          testId="preference-share"
        />
        <SliderField
          label="Seed"
          value={params.seed}
          min={L.seed.min}
          max={L.seed.max}
          step={L.seed.step}
          onValueChange={set("seed")}
          testId="preference-seed"
        />
      </SliderGrid>

      <ReadoutGrid testId="preference-readout" columns={3}>
        <Readout label="Comparisons (by group B)" testId="preference-readout-comparisons">
          {grouped(report.tally.comparisons)} ({grouped(groupBCount)})
        </Readout>
        <Readout label="Rank correlation with group A" testId="preference-readout-rank-a" colour={readoutColour.primary}>
          {signed(report.rankCorrelationA)}
        </Readout>
        <Readout label="Rank correlation with group B" testId="preference-readout-rank-b" colour={readoutColour.secondary}>
          {signed(report.rankCorrelationB)}
        </Readout>
        <Readout label="Predicts group A's new choices" testId="preference-readout-accuracy-a">
          <Accuracy held={report.heldOutA} />
        </Readout>
        <Readout label="Predicts group B's new choices" testId="preference-readout-accuracy-b">
          <Accuracy held={report.heldOutB} />
        </Readout>
        <Readout label="Predicts the pooled mix" testId="preference-readout-accuracy-pooled">
          <Accuracy held={report.heldOutPooled} />
        </Readout>
      </ReadoutGrid>
      <FigureNote>
        Rank correlation is Spearman&rsquo;s, between the fitted reward and the group&rsquo;s true reward (1 = same
        order). Accuracy is the chance that the fitted reward picks the winner of a fresh comparison of a random pair; in
        brackets, the best any predictor can do, since annotators themselves are noisy.
      </FigureNote>

      <ChartGrid>
        <ChartPanel
          title={<>Fitted reward against each group&rsquo;s true reward</>}
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "dot-a", text: "group A's reward" },
                { swatch: "dot-b", text: "group B's reward" },
                { swatch: "dashed", text: "perfect fit: fitted = true / τ" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildRewards}
            testId="preference-rewards"
            label={`Scatter plot of the ${RESPONSE_COUNT} responses: fitted reward against group A's and group B's true reward. Rank correlation with group A ${signed(report.rankCorrelationA)}, with group B ${signed(report.rankCorrelationB)}.`}
          />
        </ChartPanel>
        <ChartPanel
          title="Rank correlation as comparisons accumulate"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "line-a", text: "with group A" },
                { swatch: "line-b", text: "with group B" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildCurve}
            testId="preference-curve"
            label={`Line chart: rank correlation of the fitted reward with each group's reward, from ${COMPARISON_GRID[0]} to ${grouped(COMPARISON_GRID.at(-1)!)} comparisons. At ${grouped(report.tally.comparisons)} comparisons it is ${signed(report.rankCorrelationA)} for group A and ${signed(report.rankCorrelationB)} for group B.`}
          />
        </ChartPanel>
      </ChartGrid>

      <NumbersTable summary="Show the numbers as tables">
        <div className="mt-3 overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-400" tabIndex={0} role="region" aria-label="Responses table">
          <ResponseTable responses={responses} report={report} />
        </div>
        <div className="mt-4 overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-400" tabIndex={0} role="region" aria-label="Learning-curve table">
          <CurveTable curve={curve} />
        </div>
      </NumbersTable>
    </FigureShell>
  );
}

function Accuracy({ held }: { held: HeldOutAccuracy }) {
  return (
    <>
      {percent(held.accuracy)} <span className="font-normal text-slate-600 dark:text-slate-300">(best {percent(held.ceiling)})</span>
    </>
  );
}

type Swatch = "dot-a" | "dot-b" | "line-a" | "line-b" | "dashed";

const SWATCHES: Record<Swatch, ReactNode> = {
  "dot-a": <circle cx="10" cy="5" r="4" fill="var(--fig-primary)" />,
  "dot-b": <rect x="6" y="1" width="8" height="8" fill="var(--fig-secondary)" />,
  "line-a": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-primary)" strokeWidth="2.5" />,
  "line-b": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-secondary)" strokeWidth="2.5" strokeDasharray="7 3" />,
  "dashed": <line x1="0" x2="20" y1="5" y2="5" stroke="currentColor" strokeWidth="1.5" strokeDasharray="5 3" />,
};

const cell = "py-1 pr-3";

function ResponseTable({ responses, report }: { responses: Responses; report: PreferenceReport }) {
  const { wins } = report.tally;
  const rows = report.fit.rewards
    .map((fitted, i) => ({
      i,
      fitted,
      won: wins[i]!.reduce((s, x) => s + x, 0),
      compared: wins[i]!.reduce((s, x, j) => s + x + wins[j]![i]!, 0),
    }))
    .sort((a, b) => b.fitted - a.fitted);
  return (
    <table className="w-full border-collapse text-left text-xs tabular-nums">
      <caption className="mb-1 text-left font-medium">Responses, highest fitted reward first</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className={cell}>Response</th>
          <th scope="col" className={cell}>Group A reward</th>
          <th scope="col" className={cell}>Group B reward</th>
          <th scope="col" className={cell}>Fitted reward</th>
          <th scope="col" className={cell}>Won / compared</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.i} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className={`${cell} font-normal`}>R{row.i + 1}</th>
            <td className={cell}>{signed(responses.rewardA[row.i]!)}</td>
            <td className={cell}>{signed(responses.rewardB[row.i]!)}</td>
            <td className={cell}>{signed(row.fitted)}</td>
            <td className={cell}>
              {grouped(row.won)} / {grouped(row.compared)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CurveTable({ curve }: { curve: PreferenceReport[] }) {
  return (
    <table className="w-full border-collapse text-left text-xs tabular-nums">
      <caption className="mb-1 text-left font-medium">The fit at each number of comparisons</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className={cell}>Comparisons</th>
          <th scope="col" className={cell}>Rank correlation, A</th>
          <th scope="col" className={cell}>Rank correlation, B</th>
          <th scope="col" className={cell}>Accuracy, A</th>
          <th scope="col" className={cell}>Accuracy, B</th>
        </tr>
      </thead>
      <tbody>
        {curve.map((row) => (
          <tr key={row.tally.comparisons} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className={`${cell} font-normal`}>{grouped(row.tally.comparisons)}</th>
            <td className={cell}>{signed(row.rankCorrelationA)}</td>
            <td className={cell}>{signed(row.rankCorrelationB)}</td>
            <td className={cell}>{percent(row.heldOutA.accuracy)}</td>
            <td className={cell}>{percent(row.heldOutB.accuracy)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function plotHeight(width: number) {
  return chartHeight(width);
}

function rewardsPlot(responses: Responses, report: PreferenceReport, width: number) {
  const { temperature } = report.params;
  const fitted = report.fit.rewards;
  const pointsA = fitted.map((y, i) => ({ x: responses.rewardA[i]!, y }));
  const pointsB = fitted.map((y, i) => ({ x: responses.rewardB[i]!, y }));
  const extent = Math.max(3, ...[...responses.rewardA, ...responses.rewardB].map(Math.abs)) * 1.05;
  const fittedExtent = Math.max(extent / temperature, ...fitted.map(Math.abs)) * 1.05;
  return Plot.plot({
    width,
    height: plotHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { label: "True reward r →", labelOffset: 38, domain: [-extent, extent] },
    y: { label: "↑ Fitted reward r̂", domain: [-fittedExtent, fittedExtent] },
    marks: [
      Plot.ruleY([0], { stroke: "var(--fig-muted)", strokeOpacity: 0.5 }),
      Plot.line(
        [
          [-extent, -extent / temperature],
          [extent, extent / temperature],
        ],
        { stroke: "currentColor", strokeDasharray: "5 3", strokeWidth: 1.5 },
      ),
      Plot.link(pointsA, { x1: "x", x2: (_: unknown, i: number) => pointsB[i]!.x, y1: "y", y2: "y", stroke: "var(--fig-muted)", strokeOpacity: 0.5 }),
      Plot.dot(pointsB, { x: "x", y: "y", r: 4, symbol: "square", fill: "var(--fig-secondary)" }),
      Plot.dot(pointsA, { x: "x", y: "y", r: 4, fill: "var(--fig-primary)" }),
    ],
  });
}

function curvePlot(curve: PreferenceReport[], report: PreferenceReport, width: number) {
  const rows = curve.map((r) => ({ comparisons: r.tally.comparisons, a: r.rankCorrelationA, b: r.rankCorrelationB }));
  const current = { comparisons: report.tally.comparisons, a: report.rankCorrelationA, b: report.rankCorrelationB };
  return Plot.plot({
    width,
    height: plotHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { type: "log", label: "Comparisons (log scale) →", labelOffset: 38, domain: [COMPARISON_GRID[0]!, COMPARISON_GRID.at(-1)!], ticks: [20, 100, 1000, 5000], tickFormat: (d: number) => grouped(d) },
    y: { label: "↑ Rank correlation with the group's reward", domain: [-1, 1], grid: true },
    marks: [
      Plot.ruleY([0], { stroke: "var(--fig-muted)" }),
      Plot.line(rows, { x: "comparisons", y: "a", stroke: "var(--fig-primary)", strokeWidth: 2.5 }),
      Plot.line(rows, { x: "comparisons", y: "b", stroke: "var(--fig-secondary)", strokeWidth: 2.5, strokeDasharray: "7 3" }),
      Plot.ruleX([current.comparisons], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot([current], { x: "comparisons", y: "a", fill: "var(--fig-primary)", r: 4 }),
      Plot.dot([current], { x: "comparisons", y: "b", symbol: "square", fill: "var(--fig-secondary)", r: 4 }),
    ],
  });
}
