import type { Result } from "lighthouse";
import { describe, expect, it } from "vitest";
import { failedAuditsOf } from "./lighthouse-audits";

type Ref = { id: string; weight: number };
const run = (categories: Record<string, Ref[]>, scores: Record<string, number | null>) =>
  ({
    categories: Object.fromEntries(Object.entries(categories).map(([id, auditRefs]) => [id, { id, auditRefs }])),
    audits: Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { id, title: `title of ${id}`, score }])),
  }) as unknown as Pick<Result, "categories" | "audits">;

describe("failedAuditsOf", () => {
  it("names each weighted audit below a full score, with its category and title", () => {
    const lhr = run(
      { seo: [{ id: "crawlable-anchors", weight: 1 }, { id: "document-title", weight: 1 }], accessibility: [{ id: "color-contrast", weight: 7 }] },
      { "crawlable-anchors": 0, "document-title": 1, "color-contrast": 0.5 },
    );
    expect(failedAuditsOf(lhr)).toEqual(["accessibility/color-contrast: title of color-contrast", "seo/crawlable-anchors: title of crawlable-anchors"]);
  });

  it("leaves out informative (weight 0) and not-applicable (null) audits, and the performance category", () => {
    const lhr = run(
      { seo: [{ id: "structured-data", weight: 0 }, { id: "hreflang", weight: 1 }], performance: [{ id: "total-blocking-time", weight: 30 }] },
      { "structured-data": 0, hreflang: null, "total-blocking-time": 0.4 },
    );
    expect(failedAuditsOf(lhr)).toEqual([]);
  });

  it("reads a best-practices failure by its category id", () => {
    expect(failedAuditsOf(run({ "best-practices": [{ id: "errors-in-console", weight: 1 }] }, { "errors-in-console": 0 }))).toEqual([
      "best-practices/errors-in-console: title of errors-in-console",
    ]);
  });
});
