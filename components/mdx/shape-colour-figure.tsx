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
import { SliderField } from "@/components/ui/slider-field";
import { percent, signed } from "@/lib/figures/format";
import {
  addedCurve,
  BASE_COUNT,
  clampShapeColourParams,
  evaluate,
  SHAPE_COLOUR_LIMITS,
  trainingSet,
  type LearnedRule,
  type ShapeColourParams,
  type ShapeColourReport,
  type TrainingImage,
} from "@/lib/figures/shape-colour";

export interface ShapeColourFigureProps {
  /** Decorrelated images added, 0 to 60 in pairs (default 0). */
  initialAdded?: number;
  /** Weight of each added image, 1 to 20 (default 1). */
  initialWeight?: number;
  /** Seed, 1 to 100 (default 1). */
  initialSeed?: number;
}

const ruleText: Record<LearnedRule, string> = {
  colour: "colour (the shortcut)",
  shape: "shape (the intended rule)",
  mixed: "a mix of shape and colour",
  "reversed-colour": "shape, leaning on the reversed colour pairing",
};

/** The same learner on reweighted or augmented data learns a different rule (lesson 3, seed 000). */
export function ShapeColourFigure({ initialAdded, initialWeight, initialSeed }: ShapeColourFigureProps) {
  const { params, shown, set } = useFigureParams<ShapeColourParams>(() =>
    clampShapeColourParams({ added: initialAdded, weight: initialWeight, seed: initialSeed }),
  );
  const images = useMemo(() => trainingSet(shown), [shown]);
  const report = useMemo(() => evaluate(shown), [shown]);
  // The curve ignores the added-images slider, so dragging it does not refit the whole curve.
  const { weight, seed } = shown;
  const curve = useMemo(() => addedCurve({ added: 0, weight, seed }), [weight, seed]);

  const buildImages = useCallback((width: number) => imagesPlot(images, report, width), [images, report]);
  const buildCurve = useCallback((width: number) => curvePlot(curve, report, width), [curve, report]);

  const L = SHAPE_COLOUR_LIMITS;
  const { classifier } = report;
  return (
    <FigureShell
      testId="shape-colour-figure"
      title="Same learner, different data, different rule"
      description={
        <>
          The label is the shape. In the {BASE_COUNT} base training images every circle is red and every square blue; the learner sees how
          round each image looks (the shape, seen through noise) and how red it is (the colour, seen clearly). The learner never changes:
          logistic regression on those two features with a fixed penalty. Add decorrelated images (red squares and blue circles, labelled by
          shape) or give them more weight, and see which rule it learns.
        </>
      }
    >
      <SliderGrid columns={3}>
        <SliderField
          label="Decorrelated images added"
          description="In pairs: a red square and a blue circle."
          value={params.added}
          min={L.added.min}
          max={L.added.max}
          step={L.added.step}
          formatValue={(v) => `${v} images`}
          onValueChange={set("added")}
          testId="shape-colour-added"
        />
        <SliderField
          label="Weight of each added image"
          description="1 counts it like any other image."
          value={params.weight}
          min={L.weight.min}
          max={L.weight.max}
          step={L.weight.step}
          onValueChange={set("weight")}
          testId="shape-colour-weight"
        />
        <SliderField
          label="Seed"
          value={params.seed}
          min={L.seed.min}
          max={L.seed.max}
          step={L.seed.step}
          onValueChange={set("seed")}
          testId="shape-colour-seed"
        />
      </SliderGrid>

      <ReadoutGrid testId="shape-colour-readout" columns={3}>
        <Readout label="The rule it learned" testId="shape-colour-readout-rule">
          {ruleText[report.rule]}
        </Readout>
        <Readout label="Accuracy, images paired as in training" testId="shape-colour-readout-training-like" colour={readoutColour.primary}>
          {percent(report.trainingLikeAccuracy, 1)}
        </Readout>
        <Readout label="Accuracy, red squares and blue circles" testId="shape-colour-readout-conflict" colour={readoutColour.secondary}>
          {percent(report.conflictAccuracy, 1)}
        </Readout>
        <Readout label="Accuracy, colour independent of shape" testId="shape-colour-readout-independent">
          {percent(report.independentAccuracy, 1)}
        </Readout>
        <Readout label="Added images' share of the training weight" testId="shape-colour-readout-share">
          {percent(report.addedShare, 1)}
        </Readout>
        <Readout label="Weights: roundness · redness" testId="shape-colour-readout-weights">
          {signed(classifier.shapeWeight)} · {signed(classifier.colourWeight)}
        </Readout>
      </ReadoutGrid>
      <FigureNote>
        Accuracies are for fresh images drawn like the training ones, computed exactly rather than sampled. On red squares and blue circles
        the shape rule and the colour rule disagree on every image, so accuracy there says which rule the learner follows: near 0% means
        colour, near 100% means shape. Training accuracy stays high throughout: the training data cannot tell the two rules apart.
      </FigureNote>

      <ChartGrid>
        <ChartPanel
          title="The training images and the learned boundary"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "red-circle", text: "red circle" },
                { swatch: "blue-square", text: "blue square" },
                { swatch: "added", text: "added image (ringed)" },
                { swatch: "boundary", text: "learned boundary between circle and square" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildImages}
            testId="shape-colour-images"
            label={`Scatter plot of ${images.length} training images, roundness against redness: red circles at the top right, blue squares at the bottom left${shown.added > 0 ? `, and ${shown.added} added red squares and blue circles in the other corners` : ""}. The learned boundary ${report.rule === "colour" ? "runs almost horizontally, so it splits by colour" : report.rule === "mixed" ? "runs diagonally, using both features" : "runs more steeply, so it splits mostly by roundness"}.`}
          />
        </ChartPanel>
        <ChartPanel
          title="Which rule, as decorrelated images are added"
          legend={
            <Legend
              swatches={SWATCHES}
              items={[
                { swatch: "conflict", text: "accuracy on red squares and blue circles" },
                { swatch: "training-like", text: "accuracy on images paired as in training" },
              ]}
            />
          }
        >
          <PlotFrame
            build={buildCurve}
            testId="shape-colour-curve"
            label={`Line chart: as decorrelated images are added at weight ${shown.weight}, accuracy on red squares and blue circles rises from ${percent(curve[0]!.conflictAccuracy)} to ${percent(curve.at(-1)!.conflictAccuracy)}, while accuracy on images paired as in training goes from ${percent(curve[0]!.trainingLikeAccuracy)} to ${percent(curve.at(-1)!.trainingLikeAccuracy)}. At ${shown.added} added images they are ${percent(report.conflictAccuracy)} and ${percent(report.trainingLikeAccuracy)}.`}
          />
        </ChartPanel>
      </ChartGrid>

      <NumbersTable>
        <div className="mt-3 overflow-x-auto">
          <CurveTable curve={curve.filter((_, i) => i % 5 === 0)} />
        </div>
      </NumbersTable>
    </FigureShell>
  );
}

type Swatch = "red-circle" | "blue-square" | "added" | "boundary" | "conflict" | "training-like";

const SWATCHES: Record<Swatch, ReactNode> = {
  "red-circle": <circle cx="10" cy="5" r="4" fill="var(--fig-bad)" />,
  "blue-square": <rect x="6" y="1" width="8" height="8" fill="var(--fig-primary)" />,
  added: <circle cx="10" cy="5" r="4" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  boundary: <line x1="0" x2="20" y1="5" y2="5" stroke="currentColor" strokeWidth="2" />,
  conflict: <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-secondary)" strokeWidth="2.5" />,
  "training-like": <line x1="0" x2="20" y1="5" y2="5" stroke="var(--fig-primary)" strokeWidth="2.5" strokeDasharray="7 3" />,
};

function CurveTable({ curve }: { curve: ShapeColourReport[] }) {
  return (
    <table className="w-full border-collapse text-left text-xs tabular-nums">
      <caption className="sr-only">Accuracy on each kind of fresh image, and the rule learned, for each number of added images</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-600">
          <th scope="col" className="py-1 pr-3">Added images</th>
          <th scope="col" className="py-1 pr-3">Paired as in training</th>
          <th scope="col" className="py-1 pr-3">Red squares, blue circles</th>
          <th scope="col" className="py-1 pr-3">Colour independent</th>
          <th scope="col" className="py-1 pr-3">Rule learned</th>
        </tr>
      </thead>
      <tbody>
        {curve.map((row) => (
          <tr key={row.params.added} className="border-b border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-normal">{row.params.added}</th>
            <td className="py-1 pr-3">{percent(row.trainingLikeAccuracy, 1)}</td>
            <td className="py-1 pr-3">{percent(row.conflictAccuracy, 1)}</td>
            <td className="py-1 pr-3">{percent(row.independentAccuracy, 1)}</td>
            <td className="py-1 pr-3">{ruleText[row.rule]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const EXTENT = 3.2;

function imagesPlot(images: TrainingImage[], report: ShapeColourReport, width: number) {
  const { bias, shapeWeight: a, colourWeight: c } = report.classifier;
  // The boundary b + a·roundness + c·redness = 0, drawn as a segment across the frame.
  const boundary =
    Math.abs(c) > 1e-9
      ? [-EXTENT, EXTENT].map((x) => ({ x, y: -(bias + a * x) / c }))
      : [{ x: -bias / a, y: -EXTENT }, { x: -bias / a, y: EXTENT }];
  const mark = (shape: "circle" | "square", colour: "red" | "blue") =>
    Plot.dot(images.filter((image) => image.shape === shape && image.colour === colour), {
      x: "roundness",
      y: "redness",
      r: 3.5,
      symbol: shape,
      fill: colour === "red" ? "var(--fig-bad)" : "var(--fig-primary)",
      fillOpacity: 0.75,
    });
  return Plot.plot({
    width,
    height: chartHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { label: "How round it looks →", labelOffset: 38, domain: [-EXTENT, EXTENT] },
    y: { label: "↑ How red it is", domain: [-2, 2] },
    clip: true,
    marks: [
      mark("circle", "red"),
      mark("square", "blue"),
      mark("square", "red"),
      mark("circle", "blue"),
      Plot.dot(images.filter((image) => image.added), { x: "roundness", y: "redness", r: 6, stroke: "currentColor", strokeWidth: 1.2 }),
      Plot.line(boundary, { x: "x", y: "y", stroke: "currentColor", strokeWidth: 2 }),
    ],
  });
}

function curvePlot(curve: ShapeColourReport[], report: ShapeColourReport, width: number) {
  const rows = curve.map((row) => ({ added: row.params.added, conflict: row.conflictAccuracy, trainingLike: row.trainingLikeAccuracy }));
  return Plot.plot({
    width,
    height: chartHeight(width),
    style: { fontSize: "12px" },
    marginBottom: 44,
    x: { label: "Decorrelated images added →", labelOffset: 38, domain: [SHAPE_COLOUR_LIMITS.added.min, SHAPE_COLOUR_LIMITS.added.max] },
    y: { label: "↑ Accuracy", domain: [0, 1], grid: true, tickFormat: (d: number) => percent(d) },
    marks: [
      Plot.ruleY([0.5], { stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "2 4" }),
      Plot.line(rows, { x: "added", y: "trainingLike", stroke: "var(--fig-primary)", strokeWidth: 2.5, strokeDasharray: "7 3" }),
      Plot.line(rows, { x: "added", y: "conflict", stroke: "var(--fig-secondary)", strokeWidth: 2.5 }),
      Plot.ruleX([report.params.added], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot([report], { x: () => report.params.added, y: "conflictAccuracy", fill: "var(--fig-secondary)", r: 4 }),
      Plot.dot([report], { x: () => report.params.added, y: "trainingLikeAccuracy", fill: "var(--fig-primary)", r: 4 }),
    ],
  });
}
