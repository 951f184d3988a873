// Pieces every interactive figure shares: a labelled readout and a legend of chart swatches.
import type { ReactNode } from "react";

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
