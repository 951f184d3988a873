import { referenceAnchorId } from "@/lib/content/citations";
import { orderedReferences } from "@/lib/content/reference-order";
import type { Reference } from "@/lib/content/schemas";

export { orderedReferences };

export function CiteLink({ id, number, reference }: { id: string; number: number; reference: Reference | undefined }) {
  const label = reference ? `${reference.authors.split(",")[0]} (${reference.year}), ${reference.title}` : id;
  return (
    <sup>
      <a href={`#${referenceAnchorId(id)}`} aria-label={`Reference ${number}: ${label}`} className="no-underline">
        [{number}]
      </a>
    </sup>
  );
}

export function ReferenceList({ references }: { references: Reference[] }) {
  return (
    <ol className="text-sm">
      {references.map((reference) => (
        <li key={reference.id} id={referenceAnchorId(reference.id)}>
          {reference.authors} ({reference.year}). <cite>{reference.title}</cite>. {reference.venue}.
          {reference.arxiv && (
            <>
              {" "}
              <a href={`https://arxiv.org/abs/${reference.arxiv}`}>arXiv:{reference.arxiv}</a>.
            </>
          )}
          {reference.doi && (
            <>
              {" "}
              <a href={`https://doi.org/${reference.doi}`}>doi:{reference.doi}</a>.
            </>
          )}
          {reference.url && !reference.arxiv && !reference.doi && (
            <>
              {" "}
              <a href={reference.url}>{reference.url}</a>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
