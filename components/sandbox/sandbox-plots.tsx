"use client";
// The three charts: data, f, band and witness; the calibration risk curve; the validity histogram.
// Before the first result each frame already holds its chart's height, so nothing moves when it arrives.
// Plot itself loads with the first result (use-plot-module.ts), not with the page.
import { useMemo } from "react";
import type { SandboxResult } from "@/lib/conformal/sandbox";
import { chartHeight } from "@/components/ui/figure-shell";
import { PlotFrame } from "@/components/ui/plot-frame";
import { usePlotModule, type PlotModule } from "@/components/ui/use-plot-module";
import { fixed, percent } from "@/lib/figures/format";

// The same height rule twice: for Plot, and in CSS (cqw: the frame's width) for the frame.
const heightFor = (width: number, less = 0) => chartHeight(width, { min: 240, max: 340, ratio: 0.62 }) - less;
const frameHeight = (less = 0) => `calc(clamp(240px, 62cqw, 340px) - ${less}px)`;
const fmt = (value: number | null, digits = 3) => (value === null ? "none" : fixed(value, digits));

export function BandPlot({ result }: { result: SandboxResult | null }) {
  const Plot = usePlotModule();
  const build = useMemo(() => (result && Plot ? (width: number) => bandChart(Plot, result, width) : null), [Plot, result]);
  const label = result ? bandLabel(result) : "Data, the model f and the conformal band: computing.";
  return <PlotFrame build={build} label={label} testId="band-plot" height={frameHeight()} />;
}

function bandLabel(result: SandboxResult) {
  const feature = result.dimension === 1 ? "x" : result.feature === 0 ? "x₀ (x₁ = 0.5)" : "x₁ (x₀ = 0.5)";
  return (
    `Data, the model f and the conformal band along ${feature}. ` +
    (result.width === null
      ? "No finite band: α is below 1/(n′+1)."
      : `Band from f − ${fmt(result.lambdaMinus)} to f + ${fmt(result.lambdaPlus)}. `) +
    (result.witness ? `The witness leaves the band on ${percent(result.witness.epsilon, 1)} of calibration points.` : "")
  );
}

function bandChart(Plot: PlotModule, result: SandboxResult, width: number) {
  const { curve, data, witness } = result;
  const rows = curve.x.map((x, j) => ({ x, f: curve.f[j]!, lower: curve.lower?.[j], upper: curve.upper?.[j], ideal: curve.ideal?.[j] }));
  const points = data.x.map((x, i) => ({ x, y: data.y[i]! }));
  const witnessRows = witness ? witness.x.map((x, i) => ({ x, g: witness.values[i]!, out: witness.outside[i]! })) : [];
  const outside = witnessRows.filter((row) => row.out);
  const xLabel = result.dimension === 1 ? "x →" : result.feature === 0 ? "x₀ → (x₁ = 0.5)" : "x₁ → (x₀ = 0.5)";
  return Plot.plot({
    width,
    height: heightFor(width),
    style: { fontSize: "12px" },
    marginBottom: 40,
    x: { label: xLabel, labelOffset: 34, domain: [0, 1] },
    y: { label: "↑ y", grid: true },
    marks: [
      Plot.dot(points, { x: "x", y: "y", r: 1.5, fill: "var(--fig-muted)", fillOpacity: 0.55 }),
      curve.lower ? Plot.areaY(rows, { x: "x", y1: "lower", y2: "upper", fill: "var(--fig-fill)", fillOpacity: 0.45 }) : null,
      curve.ideal ? Plot.line(rows, { x: "x", y: "ideal", stroke: "currentColor", strokeDasharray: "2 4", strokeOpacity: 0.6 }) : null,
      Plot.line(rows, { x: "x", y: "f", stroke: "var(--fig-primary)", strokeWidth: 2 }),
      witnessRows.length ? Plot.line(witnessRows, { x: "x", y: "g", stroke: "var(--fig-good)", strokeWidth: 1.5, curve: "step-after" }) : null,
      outside.length ? Plot.tickX(outside, { x: "x", stroke: "var(--fig-bad)", strokeOpacity: 0.35, insetTop: 0 }) : null,
      outside.length ? Plot.dot(outside, { x: "x", y: "g", r: 2.5, fill: "var(--fig-bad)" }) : null,
    ],
  });
}

export function RiskPlot({ result }: { result: SandboxResult | null }) {
  const Plot = usePlotModule();
  const build = useMemo(() => (result && Plot ? (width: number) => riskChart(Plot, result, width) : null), [Plot, result]);
  const label = result
    ? `Calibration risk R̂(s) against the band width s, with α = ${result.params.alpha} and ŝ = ${fmt(result.width)} marked.`
    : "Calibration risk R̂(s) against the band width s: computing.";
  return <PlotFrame build={build} label={label} testId="risk-plot" height={frameHeight(40)} />;
}

function riskChart(Plot: PlotModule, result: SandboxResult, width: number) {
  const { riskCurve, params } = result;
  const rows = riskCurve.lambda.map((lambda, j) => ({ lambda, risk: riskCurve.risk[j]!, bound: riskCurve.bound[j]! }));
  return Plot.plot({
    width,
    height: heightFor(width, 40),
    style: { fontSize: "12px" },
    marginBottom: 40,
    x: { label: "band width s = λ⁻ + λ⁺ →", labelOffset: 34 },
    y: { label: "↑ tester rejection rate", domain: [0, Math.max(params.alpha * 1.5, riskCurve.risk[0]! * 1.05, 0.05)], grid: true },
    marks: [
      Plot.ruleY([params.alpha], { stroke: "var(--fig-secondary)", strokeWidth: 1.5 }),
      Plot.line(rows, { x: "lambda", y: "risk", stroke: "var(--fig-primary)", strokeWidth: 2, curve: "step-after" }),
      Plot.line(rows, { x: "lambda", y: "bound", stroke: "var(--fig-primary)", strokeDasharray: "4 3", curve: "step-after" }),
      result.width === null ? null : Plot.ruleX([result.width], { stroke: "var(--fig-good)", strokeWidth: 2 }),
    ],
  });
}

export function ValidityPlot({ result }: { result: SandboxResult | null }) {
  const Plot = usePlotModule();
  const build = useMemo(() => (result && Plot ? (width: number) => validityChart(Plot, result, width) : null), [Plot, result]);
  const validity = result?.validity;
  const label = !result
    ? "Histogram of the test rejection rate over fresh splits: computing."
    : validity
      ? `Histogram of the test rejection rate over ${validity.runs} fresh splits; mean ${fixed(validity.meanRisk, 4)} against α = ${result.params.alpha}.`
      : "No validity runs.";
  return <PlotFrame build={build} label={label} testId="validity-plot" height={frameHeight(60)} />;
}

function validityChart(Plot: PlotModule, result: SandboxResult, width: number) {
  const risks = result.validity?.risks ?? [];
  return Plot.plot({
    width,
    height: heightFor(width, 60),
    style: { fontSize: "12px" },
    marginBottom: 40,
    x: { label: "test rejection rate per split →", labelOffset: 34 },
    y: { label: "↑ splits", grid: true },
    marks: [
      Plot.rectY(risks, { ...Plot.binX({ y: "count" }, { x: (d: number) => d, thresholds: 24 }), fill: "var(--fig-muted)", inset: 0.5 }),
      Plot.ruleX([result.params.alpha], { stroke: "var(--fig-secondary)", strokeWidth: 2 }),
      result.validity ? Plot.ruleX([result.validity.meanRisk], { stroke: "var(--fig-primary)", strokeWidth: 2, strokeDasharray: "4 3" }) : null,
      Plot.ruleY([0]),
    ],
  });
}
