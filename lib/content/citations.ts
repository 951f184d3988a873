// Citation labels: "(Christiano et al., 2017)" in quiz explanations, and the anchor the References list uses.
import type { Reference } from "./schemas";

/** The id of a reference's entry in the rendered <References /> list. */
export function referenceAnchorId(referenceId: string): string {
  return `ref-${referenceId}`;
}

function surname(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? name.trim();
}

/** "Manheim & Garrabrant", "Christiano et al.", from "Paul F. Christiano, Jan Leike, ...". */
function shortAuthors(authors: string): string {
  const names = authors
    .split(/,|\band\b|&/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name !== "et al.");
  if (names.length === 0) return authors.trim();
  if (names.length === 1) return surname(names[0]!);
  if (names.length === 2) return `${surname(names[0]!)} & ${surname(names[1]!)}`;
  return `${surname(names[0]!)} et al.`;
}

export function authorYearLabel(reference: Reference): string {
  return `${shortAuthors(reference.authors)}, ${reference.year}`;
}
