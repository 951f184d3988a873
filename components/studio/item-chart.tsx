"use client";
// Facility against discrimination, one dot per item: the items worth a second look are those low on the
// chart (below zero is flagged) or at either end of facility. The table beside it carries the same numbers.
import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

export type ItemPoint = { itemId: string; facility: number; discrimination: number };

export function ItemChart({ points, label }: { points: ItemPoint[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node || points.length === 0) return;
    const chart = Plot.plot({
      width: 360,
      height: 220,
      marginLeft: 44,
      x: { domain: [0, 1], label: "facility →", grid: true },
      y: { domain: [-1, 1], label: "↑ discrimination", grid: true },
      marks: [
        Plot.ruleY([0]),
        Plot.dot(points, { x: "facility", y: "discrimination", r: 4, fill: (point: ItemPoint) => (point.discrimination < 0 ? "#b91c1c" : "#0369a1"), title: "itemId" }),
        Plot.text(points, { x: "facility", y: "discrimination", text: "itemId", dy: -9, fontSize: 9 }),
      ],
    });
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [points]);
  if (points.length === 0) return null;
  return (
    <div role="img" aria-label={label} className="text-zinc-800 dark:text-zinc-200">
      <div ref={ref} aria-hidden="true" />
    </div>
  );
}
