"use client";
// The learner's own property: a JavaScript function returning the violation V for one query. It runs
// in an isolated runner frame with no network (run-learner-property.ts) and is stopped after two seconds.
import { useId } from "react";
import { infiniteLoopExample, learnerExamples, type LearnerExample } from "./learner-examples";
import { learnerTimeLimitMs } from "./run-learner-property";

export type LearnerStatus =
  | { state: "idle" }
  | { state: "running" }
  | { state: "ok"; active: boolean }
  | { state: "error"; title: string; message: string };

type Props = {
  code: string;
  onCodeChange: (code: string) => void;
  status: LearnerStatus;
  active: boolean;
  onRun: () => void;
  onUseBuiltIn: () => void;
  onLoadExample: (example: LearnerExample) => void;
};

const buttonClass =
  "min-h-11 rounded-md border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60";

export function PropertyEditor({ code, onCodeChange, status, active, onRun, onUseBuiltIn, onLoadExample }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3" data-testid="property-editor">
      <h2 id={`${id}-title`} className="text-lg font-semibold">Write your own property</h2>
      <p id={`${id}-help`} className="text-sm text-zinc-700 dark:text-zinc-300">
        Write a function <code>(f, x, rng) =&gt; V</code>. For each calibration point x it gets the model f (call <code>f(x)</code> or{" "}
        <code>f(anotherX)</code>) and a seeded <code>rng()</code> in [0, 1). It returns V, the violation on that query: the band of total width
        s = λ⁻ + λ⁺ is rejected when V &gt; s, so CRC picks the smallest s that keeps those rejections at rate α. Your code runs in an isolated
        worker with no network and no access to this page, and is stopped after {learnerTimeLimitMs / 1000} s.
      </p>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Worked examples">
        {learnerExamples.map((example) => (
          <button key={example.id} type="button" className={`${buttonClass} border-zinc-300 dark:border-zinc-600`} onClick={() => onLoadExample(example)}>
            {example.title}
          </button>
        ))}
        <button type="button" className={`${buttonClass} border-zinc-300 dark:border-zinc-600`} data-testid="example-infinite-loop"
          onClick={() => onLoadExample({ id: "loop", title: "An infinite loop", explanation: "This never returns; watch it being stopped.", code: infiniteLoopExample })}>
          An infinite loop
        </button>
      </div>
      <label htmlFor={`${id}-code`} className="text-sm font-medium">Property code (JavaScript)</label>
      <textarea
        id={`${id}-code`}
        aria-describedby={`${id}-help`}
        value={code}
        onChange={(event) => onCodeChange(event.currentTarget.value)}
        spellCheck={false}
        rows={7}
        data-testid="property-code"
        className="w-full rounded-md border border-zinc-300 bg-white p-3 font-mono text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={onRun} disabled={status.state === "running"} data-testid="property-run"
          className={`${buttonClass} border-sky-800 bg-sky-800 text-white hover:bg-sky-900 dark:border-sky-300 dark:bg-sky-300 dark:text-zinc-950`}>
          {status.state === "running" ? "Running…" : "Run my property"}
        </button>
        {active ? (
          <button type="button" onClick={onUseBuiltIn} className={`${buttonClass} border-zinc-300 dark:border-zinc-600`} data-testid="property-built-in">
            Back to the built-in tester
          </button>
        ) : null}
      </div>
      <div aria-live="polite" className="text-sm" data-testid="property-status">
        {status.state === "running" ? <p>Running your property on the calibration and test points…</p> : null}
        {status.state === "ok" && active ? <p className="text-green-800 dark:text-green-300">Your property is calibrated: the figures above now use it.</p> : null}
        {status.state === "error" ? (
          <div role="alert" data-testid="property-error" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
            <p className="font-semibold">{status.title}</p>
            <p className="font-mono text-xs whitespace-pre-wrap">{status.message}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
