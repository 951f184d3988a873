import type { Result } from "lighthouse";

/**
 * The audits that cost a run points in accessibility, best practices and SEO: weighted, scored below 1.
 * (Weight 0 is informative only; a null score means not applicable.) "category/audit-id: title".
 */
export function failedAuditsOf(lhr: Pick<Result, "categories" | "audits">): string[] {
  const failed: string[] = [];
  for (const categoryId of ["accessibility", "best-practices", "seo"]) {
    for (const ref of lhr.categories[categoryId]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failed.push(`${categoryId}/${ref.id}: ${audit.title}`);
    }
  }
  return failed;
}
