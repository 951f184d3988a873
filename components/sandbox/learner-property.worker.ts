// Runs a learner-written property in its own dedicated worker: no DOM, no page state, and the page
// terminates it after a time limit. The code is compiled here, so syntax errors are reported too.
import { sandboxSample } from "@/lib/conformal/sandbox";
import { sandboxParamsSchema } from "@/lib/conformal/schema";
import { createRandom, seedFromString } from "@/lib/random/seeded";
import type { Point } from "@/lib/conformal/testers";
import type { LearnerReady, LearnerRequest, LearnerResponse } from "./learner-property-protocol";

// Learner code has no business on the network; remove the obvious doors before it runs.
for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches"]) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // Some globals cannot be redefined in every browser; the worker still has no page access.
  }
}

const post = (message: LearnerResponse | LearnerReady) => (globalThis as unknown as Worker).postMessage(message);

globalThis.addEventListener("message", (event: MessageEvent<LearnerRequest>) => {
  const { code, params: input } = event.data;
  const params = sandboxParamsSchema.parse(input);
  const { scenario, sample } = sandboxSample(params);
  post({ ready: true });

  let property: unknown;
  try {
    // Indirect eval runs in the worker's global scope, not this module's.
    property = (0, eval)(`"use strict";\n(${code}\n)`);
  } catch (error) {
    post({ ok: false, kind: "syntax", message: describe(error) });
    return;
  }
  if (typeof property !== "function") {
    post({ ok: false, kind: "syntax", message: "The code must be a function, for example (f, x, rng) => -f(x)." });
    return;
  }

  const oneDimensional = scenario.dimension === 1;
  const f = (x: number | readonly number[]) => scenario.model(typeof x === "number" ? [x] : x);
  const rng = createRandom(seedFromString(`${params.seed}:learner`));
  const score = (points: Point[], set: string): number[] | null => {
    const values: number[] = [];
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      let value: unknown;
      try {
        value = (property as (...args: unknown[]) => unknown)(f, oneDimensional ? point[0] : [...point], rng);
      } catch (error) {
        post({ ok: false, kind: "runtime", message: `${describe(error)} (on ${set} point ${i + 1})` });
        return null;
      }
      if (typeof value !== "number" || !Number.isFinite(value)) {
        post({ ok: false, kind: "result", message: `The function returned ${String(value)} on ${set} point ${i + 1}; it must return a finite number.` });
        return null;
      }
      values.push(value);
    }
    return values;
  };
  const calibration = score(sample.calibration, "calibration");
  if (!calibration) return;
  const test = score(sample.test, "test");
  if (!test) return;
  post({ ok: true, calibration, test });
});

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
