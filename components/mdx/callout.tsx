import { CALLOUT_STYLES as STYLES } from "@/lib/content/callout-styles";

export function Callout({ type = "note", title, children }: { type?: keyof typeof STYLES; title?: string; children?: React.ReactNode }) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <aside className={`my-6 rounded-r-lg border-l-4 px-4 py-3 ${style.className} [&>p:first-of-type]:mt-1 [&>p:last-child]:mb-0`}>
      <p className="m-0 text-sm font-semibold tracking-wide uppercase">{title ?? style.label}</p>
      {children}
    </aside>
  );
}
