"use client";
// The figures that matter, as text, and a table alternative to the charts for screen readers. Before
// the first result the same rows show "—", so the layout holds when the numbers arrive.
import { NumbersTable } from "@/components/ui/figure-shell";
import type { SandboxResult } from "@/lib/conformal/sandbox";
import { fixed, percent } from "@/lib/figures/format";
import type { SandboxControls } from "./sandbox-params";

// Before the first result, and for figures a run does not have, the table shows "—".
const num = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? "—" : fixed(value, digits));
const pct = (value: number | null | undefined) => (value === null || value === undefined ? "—" : percent(value, 1));

export function FiguresSummary({ result, controls }: { result: SandboxResult | null; controls: SandboxControls }) {
  const { alpha, batches } = result?.params ?? controls;
  const validity = result?.validity;
  const witness = result?.witness;
  const rejections = result?.rejections;
  const finite = result ? result.width !== null : undefined;
  const rows: { term: string; value: string; testId: string; hint?: string }[] = [
    { term: "ŝ = λ̂⁻ + λ̂⁺ (band width)", value: finite === false ? "no finite λ̂" : num(result?.width), testId: "lambda-hat" },
    { term: "λ̂⁻ (below f)", value: num(result?.lambdaMinus), testId: "lambda-minus" },
    { term: "λ̂⁺ (above f)", value: num(result?.lambdaPlus), testId: "lambda-plus" },
    { term: "Calibration losses n′", value: result ? String(result.nEffective) : "—", testId: "n-effective", hint: batches > 1 ? `⌊n/k⌋ with k = ${batches}` : undefined },
    {
      term: "Tester rejections, calibration",
      value: rejections ? `${pct(rejections.calibrationBefore)} → ${pct(rejections.calibrationAfter)}` : "—",
      testId: "rejections-calibration",
      hint: "at s = 0 → at ŝ",
    },
    { term: "Tester rejections, fresh test queries", value: rejections ? `${pct(rejections.testBefore)} → ${pct(rejections.testAfter)}` : "—", testId: "rejections-test" },
    {
      term: result ? `Validity: mean test risk over ${validity?.runs ?? 0} splits` : "Validity: mean test risk over fresh splits",
      value: validity ? `${num(validity.meanRisk, 4)} ± ${num(validity.standardError, 4)} (α = ${alpha})` : "—",
      testId: "validity-mean",
    },
    {
      term: "ε: share of points where the witness leaves the band",
      value: witness ? pct(witness.epsilon) : finite ? "no witness for this property" : "—",
      testId: "epsilon",
      hint: witness?.bestEpsilon !== null && witness?.bestEpsilon !== undefined ? `best possible monotone: ${pct(witness.bestEpsilon)}` : undefined,
    },
  ];
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="figures">
        {rows.map((row) => (
          <div key={row.testId} className="flex flex-col border-b border-zinc-200 pb-1 dark:border-zinc-800">
            <dt className="text-zinc-600 dark:text-zinc-400">{row.term}</dt>
            <dd className="font-medium tabular-nums" data-testid={row.testId}>
              {row.value}
              {row.hint ? <span className="ml-2 text-xs font-normal text-zinc-600 dark:text-zinc-400">({row.hint})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="guarantee">
        CRC holds the tester&rsquo;s expected rejection rate at α = {alpha}: that is what the validity check measures. The statement about ε is
        weaker. By the paper&rsquo;s Theorem 1, the band contains a function that {result ? `is ${result.propertyLabel}` : "has the property"} on all but an ε share of the data with
        probability at least 1 − α/ρ(ε), where ρ(ε) is the tester&rsquo;s detection probability, which can be small for a single random pair. So ε is
        shown next to α, and it is not expected to equal α.
      </p>
      <NumbersTable summary="Show the charts as tables" className="">
        {result ? <FiguresTables result={result} /> : <p className="mt-2">The tables follow once the figures are computed.</p>}
      </NumbersTable>
    </div>
  );
}

function FiguresTables({ result }: { result: SandboxResult }) {
  const every = (length: number, count: number) => Array.from({ length: count }, (_, j) => Math.round((j * (length - 1)) / (count - 1)));
  const bandRows = every(result.curve.x.length, 11);
  const riskRows = every(result.riskCurve.lambda.length, 11);
  const cell = "border border-zinc-300 px-2 py-1 text-right tabular-nums dark:border-zinc-700";
  return (
    <div className="mt-2 flex flex-col gap-4 overflow-x-auto">
      <table className="border-collapse" data-testid="band-table">
        <caption className="text-left font-medium">Model f and band along the tested feature</caption>
        <thead>
          <tr>
            {["x", "f(x)", "lower edge", "upper edge"].map((h) => (
              <th key={h} scope="col" className={cell}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bandRows.map((j) => (
            <tr key={j}>
              <th scope="row" className={cell}>{num(result.curve.x[j], 2)}</th>
              <td className={cell}>{num(result.curve.f[j])}</td>
              <td className={cell}>{num(result.curve.lower?.[j])}</td>
              <td className={cell}>{num(result.curve.upper?.[j])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="border-collapse">
        <caption className="text-left font-medium">Calibration risk curve (α = {result.params.alpha})</caption>
        <thead>
          <tr>
            {["band width s", "R̂(s)", "CRC bound (n/(n+1))R̂ + 1/(n+1)"].map((h) => (
              <th key={h} scope="col" className={cell}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {riskRows.map((j) => (
            <tr key={j}>
              <th scope="row" className={cell}>{num(result.riskCurve.lambda[j])}</th>
              <td className={cell}>{num(result.riskCurve.risk[j])}</td>
              <td className={cell}>{num(result.riskCurve.bound[j])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
