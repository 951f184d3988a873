const STYLES = {
  note: { label: "Note", className: "border-sky-600 bg-sky-50 dark:bg-sky-950/40" },
  tip: { label: "Tip", className: "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" },
  warning: { label: "Caution", className: "border-amber-600 bg-amber-50 dark:bg-amber-950/40" },
  key: { label: "Key idea", className: "border-violet-600 bg-violet-50 dark:bg-violet-950/40" },
} as const;

export function Callout({ type = "note", title, children }: { type?: keyof typeof STYLES; title?: string; children?: React.ReactNode }) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <aside className={`my-6 rounded-r-lg border-l-4 px-4 py-3 ${style.className} [&>p:first-of-type]:mt-1 [&>p:last-child]:mb-0`}>
      <p className="m-0 text-sm font-semibold tracking-wide uppercase">{title ?? style.label}</p>
      {children}
    </aside>
  );
}
