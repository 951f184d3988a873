// The sandbox's parameters, validated at the boundary (worker message, CLI input, URL state).
import { z } from "zod";
import { propertyKinds, witnessKinds } from "./kinds";
import { datasetIds } from "./scenarios";

const finiteNumbers = z.array(z.number().finite());

export const externalPredictionsSchema = z
  .strictObject({ x: finiteNumbers.min(4), f: finiteNumbers.min(4), y: finiteNumbers.optional() })
  .refine((value) => value.x.length === value.f.length && (value.y === undefined || value.y.length === value.x.length), {
    message: "x, f (and y, if given) must have the same length",
  });

/** Scores V_i from a learner-written property, computed on the sandbox's own calibration and test points. */
export const customScoresSchema = z.object({ calibration: finiteNumbers.min(1), test: finiteNumbers.min(1) });

export const sandboxParamsSchema = z.object({
  dataset: z.enum(datasetIds).default("wiggle-1d"),
  property: z.enum(propertyKinds).default("increasing"),
  /** The tested feature k; 1-D datasets always use 0. */
  feature: z.number().int().min(0).max(1).default(0),
  alpha: z.number().min(0.001).max(0.5).default(0.1),
  nCal: z.number().int().min(20).max(20_000).default(500),
  nTest: z.number().int().min(20).max(20_000).default(1000),
  nTrain: z.number().int().min(50).max(5000).default(800),
  bias: z.number().min(0).max(1).default(0.4),
  noise: z.number().min(0).max(0.5).default(0.05),
  complexity: z.number().int().min(1).max(300).default(100),
  seed: z.number().int().min(0).max(1_000_000_000).default(1),
  /** Share of ŝ = λ⁻ + λ⁺ given to λ⁺; 0.5 is the symmetric default. */
  upperShare: z.number().min(0).max(1).default(0.5),
  /** Amplification: the tester runs on batches of this many points (paper §3.2). */
  batches: z.number().int().min(1).max(50).default(1),
  witness: z.enum(witnessKinds).default("envelope"),
  validityRuns: z.number().int().min(0).max(2000).default(200),
  external: externalPredictionsSchema.optional(),
  customScores: customScoresSchema.optional(),
});

export type SandboxParamsInput = z.input<typeof sandboxParamsSchema>;
export type SandboxParams = z.output<typeof sandboxParamsSchema>;
