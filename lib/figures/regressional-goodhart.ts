// Regressional Goodhart (Manheim & Garrabrant, 2018): items have true value V ~ N(0, 1) and a
// proxy U = V + ε with ε ~ N(0, σ²). Selecting the items with the highest proxy also selects
// for the noise, so the selected items' true value falls short of what their proxy promises.
import { createNormal, createRandom } from "@/lib/random/seeded";
import { normalPdf, normalQuantile } from "./normal-distribution";
import { clamp, clampToLimits } from "./limits";

/** Slider ranges, shared by the simulation (to clamp) and the figure (to draw the sliders). */
export const GOODHART_LIMITS = {
  noiseSd: { min: 0, max: 3, step: 0.05, initial: 1 },
  percentSelected: { min: 0.1, max: 50, initial: 5 },
  sampleSize: { min: 100, max: 5000, step: 100, initial: 2000 },
  seed: { min: 1, max: 100, step: 1, initial: 1 },
} as const;

/** Selection fractions for the pressure curve: 50% down to 0.1%, evenly spaced on a log scale. */
export const PRESSURE_FRACTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => 0.5 * Math.pow(0.001 / 0.5, i / 27));

/**
 * Standard normal draws for V and for the noise, kept apart from σ so that moving the noise
 * slider rescales the same draws (common random numbers) instead of drawing a new cloud.
 * Item i is the same for every sample size, so growing the sample only adds items.
 */
export interface GoodhartDraws {
  trueValues: Float64Array;
  standardNoise: Float64Array;
}

export function drawGoodhartSample(sampleSize: number, seed: number): GoodhartDraws {
  const n = Math.max(1, Math.floor(sampleSize));
  const normal = createNormal(createRandom(seed));
  const trueValues = new Float64Array(n);
  const standardNoise = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    trueValues[i] = normal();
    standardNoise[i] = normal();
  }
  return { trueValues, standardNoise };
}

/** Items sorted by proxy, highest first, with prefix sums so any top-k mean costs O(1). */
export interface RankedItems {
  noiseSd: number;
  proxies: Float64Array;
  trueValues: Float64Array;
  proxyPrefixSums: Float64Array;
  truePrefixSums: Float64Array;
}

export function rankByProxy(draws: GoodhartDraws, noiseSd: number): RankedItems {
  const n = draws.trueValues.length;
  const proxyOf = (i: number) => draws.trueValues[i]! + noiseSd * draws.standardNoise[i]!;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => proxyOf(j) - proxyOf(i) || i - j);
  const proxies = new Float64Array(n);
  const trueValues = new Float64Array(n);
  const proxyPrefixSums = new Float64Array(n + 1);
  const truePrefixSums = new Float64Array(n + 1);
  order.forEach((item, rank) => {
    proxies[rank] = proxyOf(item);
    trueValues[rank] = draws.trueValues[item]!;
    proxyPrefixSums[rank + 1] = proxyPrefixSums[rank]! + proxies[rank];
    truePrefixSums[rank + 1] = truePrefixSums[rank]! + trueValues[rank];
  });
  return { noiseSd, proxies, trueValues, proxyPrefixSums, truePrefixSums };
}

/** How many of n items a fraction keeps: at least one, at most all. */
export function selectionCount(sampleSize: number, fraction: number): number {
  return clamp(Math.round(fraction * sampleSize), 1, sampleSize);
}

export interface SelectedMeans {
  meanProxy: number;
  meanTrue: number;
  /** meanProxy − meanTrue: how much the proxy overpromises. */
  gap: number;
}

export interface Selection extends SelectedMeans {
  fraction: number;
  count: number;
  /** The lowest proxy that made the cut. */
  threshold: number;
  /** Population (infinite-sample) expectations for the same fraction. */
  theory: SelectedMeans;
}

export function selectTopFraction(ranked: RankedItems, fraction: number): Selection {
  const count = selectionCount(ranked.proxies.length, fraction);
  const meanProxy = ranked.proxyPrefixSums[count]! / count;
  const meanTrue = ranked.truePrefixSums[count]! / count;
  return {
    fraction,
    count,
    threshold: ranked.proxies[count - 1]!,
    meanProxy,
    meanTrue,
    gap: meanProxy - meanTrue,
    theory: expectedSelectedMeans(ranked.noiseSd, fraction),
  };
}

/** Shrinkage of the regression of V on U: E[V | U] = U · Var V / Var U = U / (1 + σ²). */
export function regressionSlope(noiseSd: number): number {
  return 1 / (1 + noiseSd * noiseSd);
}

/**
 * Closed form for keeping the top fraction q of a large population. U ~ N(0, 1 + σ²), so the cut
 * is at z = Φ⁻¹(1 − q) standard deviations and E[U | kept] = sd(U) · φ(z) / q (the inverse Mills
 * ratio). Because E[V | U] is linear in U, E[V | kept] = E[U | kept] / (1 + σ²).
 */
export function expectedSelectedMeans(noiseSd: number, fraction: number): SelectedMeans {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`);
  const proxySd = Math.sqrt(1 + noiseSd * noiseSd);
  const meanProxy = fraction === 1 ? 0 : (proxySd * normalPdf(normalQuantile(1 - fraction))) / fraction;
  const meanTrue = meanProxy * regressionSlope(noiseSd);
  return { meanProxy, meanTrue, gap: meanProxy - meanTrue };
}

export interface GoodhartParams {
  noiseSd: number;
  /** Percent of items kept, 0.1 to 50. */
  percentSelected: number;
  sampleSize: number;
  seed: number;
}


/** Brings author- or user-supplied parameters into the slider ranges. */
export function clampGoodhartParams(params: Partial<GoodhartParams>): GoodhartParams {
  return clampToLimits(params, GOODHART_LIMITS, ["sampleSize", "seed"]);
}

/** The selection at every fraction of PRESSURE_FRACTIONS, simulated and in theory. */
export function pressureCurve(ranked: RankedItems, fractions: readonly number[] = PRESSURE_FRACTIONS): Selection[] {
  return fractions.map((fraction) => selectTopFraction(ranked, fraction));
}
