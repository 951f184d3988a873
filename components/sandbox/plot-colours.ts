/** The sandbox's chart colours as CSS variables, so dark mode swaps them without redrawing. */
export const plotColours =
  "[--cf-f:#0369a1] [--cf-band:#7dd3fc] [--cf-witness:#15803d] [--cf-out:#b91c1c] [--cf-alpha:#c2410c] [--cf-muted:#94a3b8] " +
  "dark:[--cf-f:#38bdf8] dark:[--cf-band:#0c4a6e] dark:[--cf-witness:#4ade80] dark:[--cf-out:#f87171] dark:[--cf-alpha:#fb923c] dark:[--cf-muted:#64748b]";
