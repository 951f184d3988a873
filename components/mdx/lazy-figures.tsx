"use client";
// Interactive figures load only on the lessons that show them, and only when the reader nears one
// (components/ui/watch-near.ts): they carry Observable Plot, d3, zod and worker code that reading a lesson
// does not need, and evaluating Plot alone was a 120–150 ms main-thread task during a lesson's load
// (Lighthouse, #14). They render in the browser only (the server sends the placeholder), and the
// placeholder keeps the space so nothing jumps when a figure arrives. React.lazy rather than next/dynamic:
// the same split, without next/dynamic's loader and chunk-preload code in every lesson's first-load JS.
import { type ComponentType, lazy, type Ref, Suspense, useEffect, useRef, useState } from "react";
import { watchNear } from "@/components/ui/watch-near";

/** The space a figure takes until it arrives; `data-figure-placeholder` lets tests find it to scroll to. */
function FigurePlaceholder({ ref }: { ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} role="status" data-figure-placeholder="" className="my-8 flex min-h-[420px] items-center justify-center rounded-xl border border-dashed border-zinc-300 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      Loading the interactive figure…
    </div>
  );
}

/** A figure imported when the reader nears it in the browser; the server and hydration render the placeholder. */
function browserOnly<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Figure = lazy(() => load().then((component) => ({ default: component })));
  return function BrowserOnlyFigure(props: P) {
    const placeholder = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      if (near || !placeholder.current) return;
      return watchNear(placeholder.current, () => setNear(true));
    }, [near]);
    if (!near) return <FigurePlaceholder ref={placeholder} />;
    return (
      <Suspense fallback={<FigurePlaceholder />}>
        <Figure {...props} />
      </Suspense>
    );
  };
}

export const ConformalSandbox = browserOnly(() => import("@/components/sandbox/conformal-sandbox").then((m) => m.ConformalSandbox));
export const GoodhartFigure = browserOnly(() => import("./goodhart-figure").then((m) => m.GoodhartFigure));
export const GeneralisationFigure = browserOnly(() => import("./generalisation-figure").then((m) => m.GeneralisationFigure));
export const PreferenceFigure = browserOnly(() => import("./preference-figure").then((m) => m.PreferenceFigure));
export const ShiftMonitorFigure = browserOnly(() => import("./shift-monitor-figure").then((m) => m.ShiftMonitorFigure));
export const ShapeColourFigure = browserOnly(() => import("./shape-colour-figure").then((m) => m.ShapeColourFigure));
