// The headless entry point behind `npm run conformal -- calibrate <input.json>`: one of three input
// shapes (docs/conformal.md) in, plain JSON out. Validated with zod, so a bad file fails with a message.
import { z } from "zod";
import { calibrateStepLosses } from "./crc";
import { calibrateOnGrid, lossTableFamily } from "./grid";
import { runSandbox } from "./sandbox";
import { externalPredictionsSchema, sandboxParamsSchema } from "./schema";

const alphaSchema = z.number().gt(0);
const finite = z.number().finite();

// Strict objects: an unknown key (a typo such as "threshold" or "lamdaMax") is an error, never ignored.
const thresholdsInputSchema = z.strictObject({
  alpha: alphaSchema,
  B: z.number().positive().finite().optional(),
  lambdaMax: finite.nonnegative().optional(),
  thresholds: z.array(finite).min(1),
});

const lossTableInputSchema = z.strictObject({
  alpha: alphaSchema,
  B: z.number().positive().finite().optional(),
  losses: z.strictObject({ grid: z.array(finite).min(1), values: z.array(z.array(finite)).min(1) }),
  search: z.enum(["scan", "bisection"]).optional(),
});

// The full problem names its data: a dataset, or its own predictions. (`{}` is not a request for defaults.)
const problemInputSchema = sandboxParamsSchema
  .omit({ external: true, customScores: true })
  .extend({ data: externalPredictionsSchema.optional() })
  .strict();

export type CalibrateOutput = Record<string, unknown>;

export function calibrateFromInput(input: unknown): CalibrateOutput {
  if (isObjectWith(input, "thresholds")) {
    const parsed = thresholdsInputSchema.parse(input);
    return { ...calibrateStepLosses(parsed.thresholds, parsed.alpha, { B: parsed.B ?? 1, lambdaMax: parsed.lambdaMax }) };
  }
  if (isObjectWith(input, "losses")) {
    const parsed = lossTableInputSchema.parse(input);
    const B = parsed.B ?? 1;
    const family = lossTableFamily(parsed.losses.grid, parsed.losses.values, B);
    const outOfRange = parsed.losses.values.flat().some((v) => v > B);
    if (outOfRange) throw new RangeError(`every loss must be ≤ B = ${B}`);
    return { ...calibrateOnGrid(family, parsed.alpha, parsed.losses.grid, parsed.search ?? "bisection") };
  }
  if (!isObjectWith(input, "dataset") && !isObjectWith(input, "data")) {
    throw new RangeError("give thresholds (step losses), losses (a loss table), or dataset or data (a full problem); see docs/conformal.md §5");
  }
  const { data, ...rest } = problemInputSchema.parse(input);
  const result = runSandbox(data ? { ...rest, dataset: "external-1d", external: data } : rest);
  return {
    path: result.calibration.path,
    lambdaHat: result.width,
    feasible: result.calibration.feasible,
    lambdaMinus: result.lambdaMinus,
    lambdaPlus: result.lambdaPlus,
    riskAtLambdaHat: result.calibration.riskAtLambdaHat,
    boundAtLambdaHat: result.calibration.boundAtLambdaHat,
    alpha: result.params.alpha,
    n: result.nEffective,
    property: result.propertyLabel,
    dataset: result.params.dataset,
    seed: result.params.seed,
    rejections: result.rejections,
    epsilon: result.witness?.epsilon ?? null,
    bestEpsilon: result.witness?.bestEpsilon ?? null,
    validity: result.validity && {
      runs: result.validity.runs,
      meanRisk: result.validity.meanRisk,
      standardError: result.validity.standardError,
    },
  };
}

function isObjectWith(value: unknown, key: string): boolean {
  return typeof value === "object" && value !== null && key in value;
}
