"use client";
// Hosts an Observable Plot chart: rebuilds it when its inputs or the container width change.
// The chart itself is hidden from assistive technology; the label and the figures table carry it.
import { useEffect, useRef, useState } from "react";

export function PlotFrame({ build, label, testId }: { build: (width: number) => Element; label: string; testId: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const node = containerRef.current;
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const node = containerRef.current;
    if (!node || width === 0) return;
    const chart = build(width);
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [build, width]);

  return (
    <div role="img" aria-label={label} data-testid={testId} className="min-h-[240px] w-full">
      <div ref={containerRef} aria-hidden="true" className="w-full" />
    </div>
  );
}

/** Colours as CSS variables, so dark mode swaps them without redrawing. */
export const plotColours =
  "[--cf-f:#0369a1] [--cf-band:#7dd3fc] [--cf-witness:#15803d] [--cf-out:#b91c1c] [--cf-alpha:#c2410c] [--cf-muted:#94a3b8] " +
  "dark:[--cf-f:#38bdf8] dark:[--cf-band:#0c4a6e] dark:[--cf-witness:#4ade80] dark:[--cf-out:#f87171] dark:[--cf-alpha:#fb923c] dark:[--cf-muted:#64748b]";
