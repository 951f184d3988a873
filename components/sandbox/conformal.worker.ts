// The sandbox's compute worker: a thin comlink adapter over lib/conformal (which validates the
// parameters with zod). The runner memoises the last data set, so moving α only recalibrates.
import "@/lib/security/zod-jitless"; // worker scripts may not eval (workerCsp): no zod eval probe
import { expose } from "comlink";
import { createSandboxRunner, type SandboxResult } from "@/lib/conformal/sandbox";
import type { SandboxParamsInput } from "@/lib/conformal/schema";

const runSandbox = createSandboxRunner();

const api = {
  run(params: SandboxParamsInput): SandboxResult {
    return runSandbox(params);
  },
};

export type ConformalWorkerApi = typeof api;

expose(api);
