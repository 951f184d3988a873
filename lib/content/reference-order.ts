import type { Reference } from "./schemas";

/** References in order of first citation; any listed but never cited come last. */
export function orderedReferences(references: Reference[], citations: string[]): Reference[] {
  const byId = new Map(references.map((reference) => [reference.id, reference]));
  const cited = citations.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return [...cited, ...references.filter((reference) => !citations.includes(reference.id))];
}
