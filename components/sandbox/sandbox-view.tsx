"use client";
// Wires controls, the compute worker, the learner-property runner and the outputs together. State
// (the controls) is owned by the caller: the URL on the sandbox page, React state in a lesson.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { figureColours } from "@/components/ui/figure-shell";
import type { SandboxParamsInput } from "@/lib/conformal/schema";
import { FiguresSummary } from "./figures-summary";
import type { LearnerExample } from "./learner-examples";
import { learnerExamples } from "./learner-examples";
import { PropertyEditor, type LearnerStatus } from "./property-editor";
import { runLearnerProperty, type LearnerRun } from "./run-learner-property";
import { SandboxControlsPanel } from "./sandbox-controls";
import { clampControls, type SandboxControls } from "./sandbox-params";
import { BandPlot, RiskPlot, ValidityPlot } from "./sandbox-plots";
import { useConformalWorker } from "./use-conformal-worker";

type Props = { controls: SandboxControls; onChange: (patch: Partial<SandboxControls>) => void };
type LearnerScores = { key: string; calibration: number[]; test: number[] };

const failureTitles = { syntax: "Syntax error", runtime: "Runtime error", result: "Bad return value", timeout: "Stopped: time limit", worker: "The property worker failed" } as const;

/** The parts of the controls that decide the calibration and test points a learner property sees. */
function sampleKey(c: SandboxControls): string {
  return JSON.stringify([c.dataset, c.feature, c.nCal, c.nTrain, c.bias, c.noise, c.complexity, c.seed]);
}

export function SandboxView({ controls: rawControls, onChange }: Props) {
  const controls = useMemo(() => clampControls(rawControls), [rawControls]);
  const { result, error, computing, lastMs, request } = useConformalWorker();

  const [code, setCode] = useState(learnerExamples[0]!.code);
  const [learnerActive, setLearnerActive] = useState(false);
  const [learnerStatus, setLearnerStatus] = useState<LearnerStatus>({ state: "idle" });
  const [learnerScores, setLearnerScores] = useState<LearnerScores | null>(null);
  const runRef = useRef<LearnerRun | null>(null);
  const key = sampleKey(controls);

  const runLearner = useCallback(
    (source: string, forControls: SandboxControls) => {
      runRef.current?.cancel();
      setLearnerStatus({ state: "running" });
      const run = runLearnerProperty(source, forControls);
      runRef.current = run;
      void run.promise.then((response) => {
        if (runRef.current !== run) return; // superseded by a newer run
        runRef.current = null;
        if (response.ok) {
          setLearnerScores({ key: sampleKey(forControls), calibration: response.calibration, test: response.test });
          setLearnerActive(true);
          setLearnerStatus({ state: "ok", active: true });
        } else {
          setLearnerActive(false);
          setLearnerStatus({ state: "error", title: failureTitles[response.kind], message: response.message });
        }
      });
    },
    [],
  );

  // A learner property is re-run when the points it was computed on change.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- starting the worker run is the external sync; its "running" status starts with it
    if (learnerActive && learnerScores && learnerScores.key !== key && learnerStatus.state !== "running") runLearner(code, controls);
  }, [key, learnerActive, learnerScores, learnerStatus.state, code, controls, runLearner]);

  useEffect(() => () => runRef.current?.cancel(), []);

  useEffect(() => {
    const params: SandboxParamsInput = { ...controls };
    if (learnerActive) {
      if (!learnerScores || learnerScores.key !== key) return; // wait for the learner worker
      params.customScores = { calibration: learnerScores.calibration, test: learnerScores.test };
    }
    request(params);
  }, [controls, key, learnerActive, learnerScores, request]);

  const loadExample = (example: LearnerExample) => {
    setCode(example.code);
    if (example.upperShare !== undefined) onChange({ upperShare: example.upperShare });
  };

  const busy = computing || learnerStatus.state === "running";
  return (
    <div className={`flex flex-col gap-6 ${figureColours}`} data-testid="conformal-sandbox">
      <SandboxControlsPanel controls={controls} onChange={onChange} />
      <div aria-live="polite" className="flex min-h-6 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="compute-status" data-computing={busy ? "true" : "false"}>
        {busy ? (
          <>
            <span aria-hidden="true" className="inline-block size-2 rounded-full bg-sky-600 motion-safe:animate-pulse" />
            Computing…
          </>
        ) : error ? (
          <span role="alert" className="text-red-800 dark:text-red-300">Could not compute: {error}</span>
        ) : lastMs !== null ? (
          <span>Updated in {Math.round(lastMs)} ms{learnerActive ? " · using your property" : ""}.</span>
        ) : null}
      </div>
      {/* Drawn before the first result too (empty charts at their final size, "—" for the figures), so
          the editor below does not jump down when the result arrives. */}
      <div className={`flex flex-col gap-6 transition-opacity motion-reduce:transition-none ${busy ? "opacity-70" : ""}`}>
        <figure className="flex flex-col gap-2">
          <BandPlot result={result} />
          <figcaption className="text-sm text-zinc-700 dark:text-zinc-300">
            <Legend result={result} />
          </figcaption>
        </figure>
        <FiguresSummary result={result} controls={controls} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <figure className="flex flex-col gap-2">
            <RiskPlot result={result} />
            <figcaption className="text-sm text-zinc-700 dark:text-zinc-300">
              Calibration risk R̂(s) (solid), the CRC left-hand side (n′/(n′+1))R̂(s) + 1/(n′+1) (dashed), α (orange) and ŝ (green): ŝ is
              the first s where the dashed line is at or below α.
            </figcaption>
          </figure>
          <figure className="flex flex-col gap-2">
            <ValidityPlot result={result} />
            <figcaption className="text-sm text-zinc-700 dark:text-zinc-300">
              Test rejection rate on {result ? `${result.validity?.runs ?? 0} ` : ""}fresh calibration/test splits: α in orange, the mean in blue
              (dashed).
            </figcaption>
          </figure>
        </div>
      </div>
      <PropertyEditor
        code={code}
        onCodeChange={setCode}
        status={learnerStatus}
        active={learnerActive}
        onRun={() => runLearner(code, controls)}
        onUseBuiltIn={() => {
          setLearnerActive(false);
          setLearnerStatus({ state: "idle" });
        }}
        onLoadExample={loadExample}
      />
    </div>
  );
}

function Legend({ result }: { result: { witness: unknown; width: number | null; curve: { ideal: number[] | null } } | null }) {
  const swatch = (colour: string) => <span aria-hidden="true" className="mr-1 inline-block h-1 w-4 align-middle" style={{ background: colour }} />;
  return (
    <span className="flex flex-wrap gap-x-4 gap-y-1">
      <span>{swatch("var(--fig-primary)")}model f</span>
      {result?.width !== null ? <span>{swatch("var(--fig-fill)")}band [f − λ̂⁻, f + λ̂⁺]</span> : <span>no finite band</span>}
      {result?.witness ? <span>{swatch("var(--fig-good)")}witness g</span> : null}
      {result?.witness ? <span>{swatch("var(--fig-bad)")}where g leaves the band (ε)</span> : null}
      {result?.curve.ideal ? <span>{swatch("currentColor")}unbiased target (dotted)</span> : null}
      <span>{swatch("var(--fig-muted)")}training data</span>
    </span>
  );
}
