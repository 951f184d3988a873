"use client";
// The sandbox's controls: every slider is labelled and paired with a number box (SliderField).
import { useId } from "react";
import { SliderField } from "@/components/ui/slider-field";
import { controlLimits, datasetLabels, uiDatasets, usesFittedModel, type SandboxControls } from "./sandbox-params";

type Props = { controls: SandboxControls; onChange: (patch: Partial<SandboxControls>) => void };

const selectClass =
  "h-11 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";

export function SandboxControlsPanel({ controls, onChange }: Props) {
  const id = useId();
  const fitted = usesFittedModel(controls.dataset);
  const biasApplies = fitted || controls.dataset === "dip-1d";
  const slider = (key: keyof typeof controlLimits, label: string, description?: string, format?: (v: number) => string) => (
    <SliderField
      label={label}
      value={controls[key]}
      min={controlLimits[key].min}
      max={controlLimits[key].max}
      step={controlLimits[key].step}
      onValueChange={(value) => onChange({ [key]: value })}
      description={description}
      formatValue={format}
      testId={key}
    />
  );
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-dataset`} className="text-sm font-medium">Data and model</label>
        <select id={`${id}-dataset`} className={selectClass} value={controls.dataset} data-testid="dataset"
          onChange={(event) => onChange({ dataset: event.currentTarget.value as SandboxControls["dataset"] })}>
          {uiDatasets.map((dataset) => (
            <option key={dataset} value={dataset}>{datasetLabels[dataset]}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-property`} className="text-sm font-medium">Property to align</label>
        <div className="flex gap-2">
          <select id={`${id}-property`} className={`${selectClass} flex-1`} value={controls.property} data-testid="property"
            onChange={(event) => onChange({ property: event.currentTarget.value as SandboxControls["property"] })}>
            <option value="increasing">Increasing</option>
            <option value="decreasing">Decreasing</option>
            <option value="concave">Concave</option>
          </select>
          {controls.dataset === "plane-2d" ? (
            <select aria-label="Feature k to test" className={`${selectClass} flex-1`} value={controls.feature} data-testid="feature"
              onChange={(event) => onChange({ feature: Number(event.currentTarget.value) })}>
              <option value={0}>in x₀</option>
              <option value={1}>in x₁</option>
            </select>
          ) : null}
        </div>
      </div>
      {slider("alpha", "Risk level α", "CRC keeps the tester's expected rejection rate at or below α.")}
      {slider("nCal", "Calibration size n")}
      {slider("upperShare", "Share of ŝ above f (λ⁺ / ŝ)", "0.5 is symmetric; every split has the same guarantee.")}
      {slider("batches", "Amplification k (disjoint batches)", "Reject if any of k runs rejects; n′ = ⌊n/k⌋.")}
      {biasApplies ? slider("bias", controls.dataset === "dip-1d" ? "Dip depth b" : "Training bias b", "How far the labels are shifted down in one region.") : null}
      {fitted ? slider("noise", "Label noise σ") : null}
      {fitted ? slider("complexity", "Model complexity N (random features)", "Few features smooth the bias away; many fit it.") : null}
      {fitted ? slider("nTrain", "Training size") : null}
      {slider("seed", "Seed", "Every draw is seeded, so a shared link reproduces these figures exactly.")}
      {controls.property !== "concave" ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-witness`} className="text-sm font-medium">Witness function</label>
          <select id={`${id}-witness`} className={selectClass} value={controls.witness} data-testid="witness"
            onChange={(event) => onChange({ witness: event.currentTarget.value as SandboxControls["witness"] })}>
            <option value="envelope">Running maximum of the lower edge</option>
            <option value="isotonic">Isotonic regression (pool adjacent violators)</option>
          </select>
        </div>
      ) : null}
    </div>
  );
}
