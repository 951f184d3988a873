"use client";

import { useEffect, useRef, useState } from "react";

export interface PlotFrameProps {
  /** Draws the chart at the container's width, e.g. `(width) => Plot.plot({ width, ... })`. Memoise it: a new function redraws. Null: nothing to draw yet. */
  build: ((width: number) => Element) | null;
  /** Text description of what the chart shows, read by assistive technology in place of the SVG. */
  label: string;
  /** data-testid of the wrapper. */
  testId: string;
  /**
   * The CSS height the chart will have, held before it is drawn so nothing below moves when it is;
   * `cqw` is a hundredth of the frame's width. Without it the frame holds 260px.
   */
  height?: string;
}

/**
 * Renders an Observable Plot chart into a div sized by its container, redrawing when the width
 * or `build` changes. The chart is hidden from assistive technology: the wrapper carries a text
 * description, and every figure that uses it also offers its numbers as a table.
 */
export function PlotFrame({ build, label, testId, height }: PlotFrameProps) {
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
    if (!node || !build || width === 0) return;
    const chart = build(width);
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [build, width]);

  return (
    <div role="img" aria-label={label} data-testid={testId} className={`w-full ${height ? "@container" : "min-h-[260px]"}`}>
      <div ref={containerRef} aria-hidden="true" className="w-full" style={height ? { minHeight: height } : undefined} />
    </div>
  );
}
