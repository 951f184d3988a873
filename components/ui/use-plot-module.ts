"use client";
// Observable Plot (about 85 kB gzip) loaded when a chart first has something to draw, not with the page:
// charts are drawn in the browser after their data arrives anyway, so the page is interactive sooner and
// the chart costs nothing extra (the module loads while the data is computed). One load per page.
import { useEffect, useState } from "react";

export type PlotModule = typeof import("@observablehq/plot");

let loading: Promise<PlotModule> | null = null;

function loadPlot(): Promise<PlotModule> {
  loading ??= import("@observablehq/plot");
  return loading;
}

/** Plot's module once it has loaded; null until then. */
export function usePlotModule(): PlotModule | null {
  const [plot, setPlot] = useState<PlotModule | null>(null);
  useEffect(() => {
    let live = true;
    void loadPlot().then((module) => {
      if (live) setPlot(module);
    });
    return () => {
      live = false;
    };
  }, []);
  return plot;
}
