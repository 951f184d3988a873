// Property tests run with one fixed seed so CI is reproducible; FC_SEED=<n> explores another corner
// (and a failure report prints the seed and path to replay it).
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_123) });
