// The sandbox's adjustable parameters: presets for lessons, limits for the controls, and the URL
// parsers (nuqs) that make a configuration shareable. The math lives in lib/conformal.
import { parseAsFloat, parseAsInteger, parseAsStringLiteral } from "nuqs";
import { datasetIds, type DatasetId } from "@/lib/conformal/scenarios";
import { propertyKinds, witnessKinds } from "@/lib/conformal/kinds";
import { clamp } from "@/lib/figures/limits";

export type SandboxControls = {
  dataset: DatasetId;
  property: (typeof propertyKinds)[number];
  feature: number;
  alpha: number;
  nCal: number;
  nTrain: number;
  bias: number;
  noise: number;
  complexity: number;
  seed: number;
  upperShare: number;
  batches: number;
  witness: (typeof witnessKinds)[number];
};

/** Datasets the UI offers (outside predictions are for the CLI and the library). */
export const uiDatasets = datasetIds.filter((id): id is Exclude<DatasetId, "external-1d"> => id !== "external-1d");

export const datasetLabels: Record<DatasetId, string> = {
  "wiggle-1d": "1-D: trend with wiggles, f(x) = 2x + 0.25 sin 6πx",
  "dip-1d": "1-D: a dip of depth b at x = 0.6",
  "biased-fit-1d": "1-D: model fitted to labels biased down near x = 0.6",
  "concave-fit-1d": "1-D: concave target, fitted to labels biased near the top",
  "plane-2d": "2-D: f(x₀, x₁) = 1.5x₀ + x₁ + 0.3 sin(5πx₀)(0.5 + x₁)",
  "external-1d": "Outside predictions",
};

export const controlLimits = {
  alpha: { min: 0.01, max: 0.5, step: 0.01 },
  nCal: { min: 50, max: 5000, step: 50 },
  nTrain: { min: 100, max: 5000, step: 100 },
  bias: { min: 0, max: 1, step: 0.05 },
  noise: { min: 0, max: 0.5, step: 0.01 },
  complexity: { min: 1, max: 300, step: 1 },
  seed: { min: 0, max: 9999, step: 1 },
  upperShare: { min: 0, max: 1, step: 0.05 },
  batches: { min: 1, max: 50, step: 1 },
} as const;

const base: SandboxControls = {
  dataset: "wiggle-1d",
  property: "increasing",
  feature: 0,
  alpha: 0.1,
  nCal: 500,
  nTrain: 800,
  bias: 0.4,
  noise: 0.05,
  complexity: 100,
  seed: 1,
  upperShare: 0.5,
  batches: 1,
  witness: "envelope",
};

export const presets: Record<string, SandboxControls> = {
  "monotone-1d": base,
  "biased-fit": { ...base, dataset: "biased-fit-1d" },
  dip: { ...base, dataset: "dip-1d" },
  amplification: { ...base, dataset: "dip-1d", alpha: 0.05, nCal: 600, batches: 10 },
  concave: { ...base, dataset: "concave-fit-1d", property: "concave" },
  "plane-2d": { ...base, dataset: "plane-2d", nCal: 1000 },
};

export function presetControls(preset: string | undefined): SandboxControls {
  return (preset && presets[preset]) || base;
}

/** Clamps values (which may come from a hand-edited URL) into the controls' ranges. */
export function clampControls(controls: SandboxControls): SandboxControls {
  const clamped = { ...controls };
  for (const [key, limit] of Object.entries(controlLimits) as [keyof typeof controlLimits, { min: number; max: number }][]) {
    const value = clamped[key];
    clamped[key] = Number.isFinite(value) ? clamp(value, limit.min, limit.max) : base[key];
  }
  if (clamped.dataset !== "plane-2d") clamped.feature = 0;
  clamped.feature = clamped.feature === 1 ? 1 : 0;
  return clamped;
}

/** nuqs parsers, with the preset's values as defaults (defaults are left out of the URL). */
export function urlParsers(defaults: SandboxControls) {
  return {
    dataset: parseAsStringLiteral(uiDatasets).withDefault(defaults.dataset === "external-1d" ? "wiggle-1d" : defaults.dataset),
    property: parseAsStringLiteral(propertyKinds).withDefault(defaults.property),
    feature: parseAsInteger.withDefault(defaults.feature),
    alpha: parseAsFloat.withDefault(defaults.alpha),
    nCal: parseAsInteger.withDefault(defaults.nCal),
    nTrain: parseAsInteger.withDefault(defaults.nTrain),
    bias: parseAsFloat.withDefault(defaults.bias),
    noise: parseAsFloat.withDefault(defaults.noise),
    complexity: parseAsInteger.withDefault(defaults.complexity),
    seed: parseAsInteger.withDefault(defaults.seed),
    upperShare: parseAsFloat.withDefault(defaults.upperShare),
    batches: parseAsInteger.withDefault(defaults.batches),
    witness: parseAsStringLiteral(witnessKinds).withDefault(defaults.witness),
  };
}

/** Which controls change the model (others only change the data shown or nothing). */
export function usesFittedModel(dataset: DatasetId): boolean {
  return dataset === "biased-fit-1d" || dataset === "concave-fit-1d";
}
