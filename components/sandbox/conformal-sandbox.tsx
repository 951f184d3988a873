"use client";
// <ConformalSandbox preset="monotone-1d" />: the live conformal property-alignment sandbox.
// With syncUrl the configuration lives in the URL (nuqs; the page provides NuqsAdapter), so a link
// restores it exactly; in a lesson it lives in React state.
import { useQueryStates, throttle } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import { presetControls, urlParsers, type SandboxControls } from "./sandbox-params";
import { SandboxView } from "./sandbox-view";

export type ConformalSandboxProps = {
  /** One of: monotone-1d (default), biased-fit, dip, amplification, concave, plane-2d. */
  preset?: string;
  /** Keep the configuration in the URL; needs a NuqsAdapter above it. */
  syncUrl?: boolean;
};

export function ConformalSandbox({ preset, syncUrl = false }: ConformalSandboxProps) {
  return syncUrl ? <UrlSyncedSandbox preset={preset} /> : <LocalSandbox preset={preset} />;
}

function LocalSandbox({ preset }: { preset?: string }) {
  const [controls, setControls] = useState<SandboxControls>(() => presetControls(preset));
  const onChange = useCallback((patch: Partial<SandboxControls>) => setControls((current) => ({ ...current, ...patch })), []);
  return <SandboxView controls={controls} onChange={onChange} />;
}

function UrlSyncedSandbox({ preset }: { preset?: string }) {
  const parsers = useMemo(() => urlParsers(presetControls(preset)), [preset]);
  const [values, setValues] = useQueryStates(parsers, { history: "replace", limitUrlUpdates: throttle(300) });
  const onChange = useCallback((patch: Partial<SandboxControls>) => void setValues(patch as Parameters<typeof setValues>[0]), [setValues]);
  return <SandboxView controls={values} onChange={onChange} />;
}
