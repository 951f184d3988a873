// Public surface of the conformal property-alignment library (see docs/conformal.md).
export { calibrateStepLosses, countAbove, isStepFeasible, maxRejections, stepRisk, type CalibrationPath, type CalibrationResult } from "./crc";
export { calibrateOnGrid, empiricalRisk, linearGrid, lossTableFamily, stepLossFamily, type LossFamily } from "./grid";
export { amplifyScores, concavityScores, monotonicityScores, propertyScores, type Model, type Point, type PropertySpec } from "./testers";
export { bandAt, splitWidth, type BandHalfWidths } from "./band";
export { dipModel, interpolatedModel, planeModel, wiggleModel } from "./models";
export { fitRandomFeatures } from "./ridge";
export { buildScenario, datasetIds, type DatasetId, type Scenario } from "./scenarios";
export { bestMonotoneMisfit, concaveWitness, envelopeWitness, isotonicRegression, isotonicWitness } from "./witness";
export { freshSplitScores, resampledSplitScores, summariseValidity, type ValiditySummary } from "./validity";
export { sandboxParamsSchema, type SandboxParams, type SandboxParamsInput } from "./schema";
export { createSandboxRunner, runSandbox, sandboxSample, propertyOf, type SandboxResult } from "./sandbox";
