// Lighthouse (performance, accessibility, best practices, SEO) for /, two lesson pages (one with the
// embedded sandbox) and the sandbox, driving Debian's chromium through chrome-launcher. Desktop
// preset, simulated throttling. One run's performance score moved by 7 points here between identical
// runs (a 2-core machine), so each page runs several times and the figures are those of Lighthouse's own
// median run (computeMedianRun: nearest the median FCP and TTI), with every run's score beside them.
// Each page also lists its layout shifts, so a CLS regression names its culprit, and the audits that cost
// the median run points in accessibility, best practices and SEO, so a score under 100 names its cause.
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { failedAuditsOf } from "./lighthouse-audits";

const LIGHTHOUSE_PAGES = [
  "/",
  "/courses/alignment-foundations/why-fitting-data-is-not-enough",
  "/courses/alignment-foundations/conformal-property-alignment",
  "/sandbox/conformal",
];

type LighthouseFigures = {
  /** The median run's performance score, and every run's. */
  performance: number | null;
  performanceRuns: Array<number | null>;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The layout shifts, biggest first: score and the element that moved most. */
  shifts: { score: number; element: string }[];
  /** Scored audits the median run failed in accessibility, best practices and SEO: "category/audit-id: title". */
  failedAudits: string[];
};

type ShiftItem = { score: number; node?: { selector?: string; snippet?: string } };

export async function runLighthouseBench(baseUrl: string, options: { runs: number }, chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const results: Record<string, LighthouseFigures> = {};
    for (const page of LIGHTHOUSE_PAGES) {
      const runs: Result[] = [];
      for (let attempt = 0; runs.length < options.runs && attempt < options.runs + 2; attempt++) {
        const run = await lighthouse(baseUrl + page, { port: chrome.port, output: "json", logLevel: "error" }, desktopConfig);
        // Lighthouse now and then loses the trace (NO_NAVSTART) and scores nothing: such a run is retried.
        if (run && !run.lhr.runtimeError) runs.push(run.lhr);
      }
      if (runs.length === 0) throw new Error(`lighthouse: no run of ${page} completed`);
      const performanceRuns = runs.map((lhr) => (lhr.categories.performance?.score == null ? null : Math.round(lhr.categories.performance.score * 100)));
      const { categories, audits } = computeMedianRun(runs) as Result;
      const score = (id: string) => (categories[id]?.score == null ? null : Math.round(categories[id].score * 100));
      const shiftItems = (audits["layout-shifts"]?.details as { items?: ShiftItem[] } | undefined)?.items ?? [];
      results[page] = {
        performance: score("performance"),
        performanceRuns,
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
        tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
        cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
        shifts: shiftItems.map((item) => ({
          score: Number(item.score.toFixed(4)),
          element: `${item.node?.selector ?? "?"} ${item.node?.snippet ?? ""}`.trim().slice(0, 200),
        })),
        failedAudits: failedAuditsOf({ categories, audits }),
      };
    }
    return results;
  } finally {
    chrome.kill();
  }
}
