// Runs one learner-written property, inside the runner frame's worker: no DOM, no network (the
// frame's policy), and no way to talk to anyone. postMessage is taken away before the learner's code
// is compiled, so only this file can post, and it posts exactly twice: "ready", then one result.
import { sandboxSample } from "@/lib/conformal/samples";
import { createRandom, seedFromString } from "@/lib/random/seeded";
import type { Point } from "@/lib/conformal/testers";
import type { LearnerReady, LearnerRequest, LearnerResponse } from "../learner-property-protocol";

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const postMessage = scope.postMessage.bind(scope);
// Remove every way to reach postMessage: the learner's code finds neither self.postMessage nor the
// prototype's, so it can neither flood the page nor send a fake "ready" or result.
for (let proto: object | null = scope; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
  if (Object.prototype.hasOwnProperty.call(proto, "postMessage")) delete (proto as { postMessage?: unknown }).postMessage;
}

let resultSent = false;
const post = (message: LearnerReady | LearnerResponse) => {
  if (resultSent) return;
  if ("ok" in message) resultSent = true;
  postMessage(message);
};

// An error the learner's code throws later (a timer, a promise) is reported once, and never reaches
// the frame as an error event of its own.
scope.addEventListener("error", (event) => {
  event.preventDefault();
  post({ ok: false, kind: "runtime", message: event.message || "Uncaught error" });
});

// One request per worker; synthetic message events the learner dispatches later find no listener.
scope.addEventListener("message", (event: MessageEvent<LearnerRequest>) => run(event.data), { once: true });

function run({ code, params }: LearnerRequest) {
  // The page parsed the parameters (zod stays out of this bundle); only the page can reach this frame.
  const { scenario, sample } = sandboxSample(params);
  post({ ready: true });

  let property: unknown;
  try {
    // Indirect eval runs in the worker's global scope, not this module's.
    property = (0, eval)(`"use strict";\n(${String(code)}\n)`);
  } catch (error) {
    const syntax = error instanceof SyntaxError;
    post({ ok: false, kind: syntax ? "syntax" : "runtime", message: `${describe(error)}${syntax ? "" : " (while loading your code)"}` });
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
      values[i] = value;
    }
    return values;
  };
  const calibration = score(sample.calibration, "calibration");
  if (!calibration) return;
  const test = score(sample.test, "test");
  if (!test) return;
  post({ ok: true, calibration, test });
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return "an error that cannot be shown";
  }
}
