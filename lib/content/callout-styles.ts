// The callout kinds and their look, shared by the React component (components/mdx/callout.tsx) and the
// static lesson body (lib/content/lesson-body.ts), so both render a callout alike.
export const CALLOUT_STYLES = {
  note: { label: "Note", className: "border-sky-600 bg-sky-50 dark:bg-sky-950/40" },
  tip: { label: "Tip", className: "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" },
  warning: { label: "Caution", className: "border-amber-600 bg-amber-50 dark:bg-amber-950/40" },
  key: { label: "Key idea", className: "border-violet-600 bg-violet-50 dark:bg-violet-950/40" },
} as const;

export type CalloutType = keyof typeof CALLOUT_STYLES;
