"use client";
// Interactive figures load only on the lessons that show them, after the lesson text: they carry
// Observable Plot, d3, zod and worker code that reading a lesson does not need. The placeholder
// keeps the space so nothing jumps when a figure arrives.
import dynamic from "next/dynamic";

function FigurePlaceholder() {
  return (
    <div role="status" className="my-8 flex min-h-[420px] items-center justify-center rounded-xl border border-dashed border-zinc-300 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      Loading the interactive figure…
    </div>
  );
}

// next/dynamic needs its options as an object literal at each call.
export const ConformalSandbox = dynamic(() => import("@/components/sandbox/conformal-sandbox").then((m) => m.ConformalSandbox), { ssr: false, loading: FigurePlaceholder });
export const GoodhartFigure = dynamic(() => import("./goodhart-figure").then((m) => m.GoodhartFigure), { ssr: false, loading: FigurePlaceholder });
export const GeneralisationFigure = dynamic(() => import("./generalisation-figure").then((m) => m.GeneralisationFigure), { ssr: false, loading: FigurePlaceholder });
export const PreferenceFigure = dynamic(() => import("./preference-figure").then((m) => m.PreferenceFigure), { ssr: false, loading: FigurePlaceholder });
export const ShiftMonitorFigure = dynamic(() => import("./shift-monitor-figure").then((m) => m.ShiftMonitorFigure), { ssr: false, loading: FigurePlaceholder });
export const ShapeColourFigure = dynamic(() => import("./shape-colour-figure").then((m) => m.ShapeColourFigure), { ssr: false, loading: FigurePlaceholder });
