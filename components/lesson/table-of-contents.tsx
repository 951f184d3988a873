import type { TocEntry } from "@/lib/content/types";

export function TableOfContents({ toc, label = "On this page", showHeading = true }: { toc: TocEntry[]; label?: string; showHeading?: boolean }) {
  if (toc.length === 0) return null;
  return (
    <nav aria-label={label} className="text-sm">
      {showHeading && <p className="mb-2 font-semibold">{label}</p>}
      <ol className="space-y-1.5">
        {toc.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? "pl-3" : undefined}>
            <a href={`#${entry.id}`} className="text-zinc-700 hover:text-zinc-950 hover:underline dark:text-zinc-300 dark:hover:text-white">
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
