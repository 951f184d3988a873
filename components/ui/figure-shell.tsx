"use client";
// The shell every interactive figure shares (the lesson figures and, for its colours, readouts and
// tables, the conformal sandbox): the frame and caption, one colour palette, the slider and readout
// grids, chart panels with legends, the table equivalent, and the parameter state with a deferred copy.
import { useDeferredValue, useState, type ReactNode } from "react";
import { clamp } from "@/lib/figures/limits";

/**
 * One palette, as CSS variables so dark mode swaps colours without redrawing a chart. Charts use
 * var(--fig-…): primary (sky) and secondary (orange) for the two things a figure compares, muted for
 * context, band for shaded ranges, fill for a light area, good/bad/alarm for verdicts.
 */
export const figureColours =
  "[--fig-primary:#0369a1] [--fig-secondary:#c2410c] [--fig-muted:#94a3b8] [--fig-band:#e2e8f0] [--fig-fill:#7dd3fc] [--fig-good:#15803d] [--fig-bad:#b91c1c] [--fig-alarm:#be123c] " +
  "dark:[--fig-primary:#38bdf8] dark:[--fig-secondary:#fb923c] dark:[--fig-muted:#64748b] dark:[--fig-band:#1e293b] dark:[--fig-fill:#0c4a6e] dark:[--fig-good:#4ade80] dark:[--fig-bad:#f87171] dark:[--fig-alarm:#fb7185]";

/** Text colours for readouts that belong to a chart's primary or secondary series. */
export const readoutColour = {
  primary: "text-sky-700 dark:text-sky-300",
  secondary: "text-orange-700 dark:text-orange-300",
} as const;

/** A figure's parameters, and a deferred copy to compute from, so sliders stay responsive while charts redraw. */
export function useFigureParams<P extends object>(initial: () => P) {
  const [params, setParams] = useState<P>(initial);
  const shown = useDeferredValue(params);
  const set =
    <K extends keyof P>(key: K) =>
    (value: P[K]) =>
      setParams((current) => ({ ...current, [key]: value }));
  return { params, shown, set };
}

export function FigureShell({ testId, title, description, children }: { testId: string; title: ReactNode; description: ReactNode; children: ReactNode }) {
  return (
    <figure
      data-testid={testId}
      className={`not-prose my-8 rounded-xl border border-slate-200 bg-white p-4 text-slate-900 sm:p-6 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${figureColours}`}
    >
      <figcaption className="mb-4">
        <span className="block text-base font-semibold">{title}</span>
        <span className="mt-1 block text-sm text-slate-600 dark:text-slate-300">{description}</span>
      </figcaption>
      {children}
    </figure>
  );
}

const columnClasses = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-4" } as const;
type Columns = keyof typeof columnClasses;

/** The figure's controls, in up to four columns from the small breakpoint. */
export function SliderGrid({ columns = 2, children }: { columns?: Columns; children: ReactNode }) {
  return <div className={`grid gap-4 ${columnClasses[columns]}`}>{children}</div>;
}

/** The readouts, announced when they change. */
export function ReadoutGrid({ testId, columns = 3, children }: { testId: string; columns?: Columns; children: ReactNode }) {
  return (
    <dl aria-live="polite" data-testid={testId} className={`mt-5 grid grid-cols-2 gap-3 text-sm ${columnClasses[columns]}`}>
      {children}
    </dl>
  );
}

export function Readout({ label, testId, colour, children }: { label: string; testId: string; colour?: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800">
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd data-testid={testId} className={`mt-1 font-semibold tabular-nums ${colour ?? ""}`}>
        {children}
      </dd>
    </div>
  );
}

/** A small print note under the readouts: how a number is defined. */
export function FigureNote({ children }: { children: ReactNode }) {
  return <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">{children}</p>;
}

/** Charts side by side from the large breakpoint. */
export function ChartGrid({ children }: { children: ReactNode }) {
  return <div className="mt-5 grid gap-6 lg:grid-cols-2">{children}</div>;
}

/** A chart with its title above and its legend below. */
export function ChartPanel({ title, legend, children }: { title: ReactNode; legend?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <p className="mb-2 text-sm font-semibold">{title}</p>
      {children}
      {legend}
    </div>
  );
}

/** A chart legend; each figure supplies the SVG marks (20×10) for its own swatches. */
export function Legend<S extends string>({ items, swatches }: { items: { swatch: NoInfer<S>; text: string }[]; swatches: Record<S, ReactNode> }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
      {items.map(({ swatch, text }) => (
        <li key={text} className="flex items-center gap-1.5">
          <svg width="20" height="10" aria-hidden="true" className="shrink-0">
            {swatches[swatch]}
          </svg>
          {text}
        </li>
      ))}
    </ul>
  );
}

/** The table equivalent of the charts, folded away until asked for. */
export function NumbersTable({ summary = "Show the numbers as a table", className = "mt-5", children }: { summary?: string; className?: string; children: ReactNode }) {
  return (
    <details className={`${className} text-sm`.trim()}>
      <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">{summary}</summary>
      {children}
    </details>
  );
}

/** A chart's height for its width: `ratio` of it, held between `min` and `max` pixels. */
export function chartHeight(width: number, { min = 260, max = 360, ratio = 0.75 }: { min?: number; max?: number; ratio?: number } = {}): number {
  return Math.round(clamp(width * ratio, min, max));
}
