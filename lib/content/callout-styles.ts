// The callout kinds and their look, shared by the React component (components/mdx/callout.tsx) and the
// static lesson body (lib/content/lesson-body.ts), so both render a callout alike.
export const CALLOUT_STYLES = {
  note: { label: "Note", className: "border-sky-600 bg-sky-50 dark:bg-sky-950/40" },
  tip: { label: "Tip", className: "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" },
  warning: { label: "Caution", className: "border-amber-600 bg-amber-50 dark:bg-amber-950/40" },
  key: { label: "Key idea", className: "border-violet-600 bg-violet-50 dark:bg-violet-950/40" },
} as const;

export type CalloutType = keyof typeof CALLOUT_STYLES;

export const CALLOUT_FRAME_CLASSES = "my-6 rounded-r-lg border-l-4 px-4 py-3 [&>p:first-of-type]:mt-1 [&>p:last-child]:mb-0";
export const CALLOUT_LABEL_CLASSES = "m-0 text-sm font-semibold tracking-wide uppercase";
/** Figure, its image, its scrolling frame and its caption. */
export const FIGURE_CLASSES = ["my-8", "mx-auto rounded-md", "overflow-x-auto", "mt-2 text-sm text-zinc-600 dark:text-zinc-400"] as const;

/**
 * Every class the static components (callout, figure, citation, references; lib/content/lesson-body.ts)
 * put on the elements they wrap around an author's text. The one HTML policy (lib/security/html-policy.ts)
 * keeps exactly these, besides KaTeX's and the pipeline's own.
 */
export const STATIC_COMPONENT_CLASSES: readonly string[] = [
  ...new Set([
    ...Object.values(CALLOUT_STYLES).flatMap((style) => style.className.split(" ")),
    ...CALLOUT_FRAME_CLASSES.split(" "),
    ...CALLOUT_LABEL_CLASSES.split(" "),
    ...FIGURE_CLASSES.flatMap((classes) => classes.split(" ")),
    "no-underline",
    "text-sm",
  ]),
];
