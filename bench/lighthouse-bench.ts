// Lighthouse (performance, accessibility, best practices, SEO) for /, two lesson pages (one with the
// embedded sandbox) and the sandbox, driving Debian's chromium through chrome-launcher. Desktop
// preset, simulated throttling. Each page also lists its layout shifts, so a CLS regression names its culprit.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const LIGHTHOUSE_PAGES = [
  "/",
  "/courses/alignment-foundations/why-fitting-data-is-not-enough",
  "/courses/alignment-foundations/conformal-property-alignment",
  "/sandbox/conformal",
];

type LighthouseFigures = {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The layout shifts, biggest first: score and the element that moved most. */
  shifts: { score: number; element: string }[];
};

type ShiftItem = { score: number; node?: { selector?: string; snippet?: string } };

export async function runLighthouseBench(baseUrl: string, chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const results: Record<string, LighthouseFigures> = {};
    for (const page of LIGHTHOUSE_PAGES) {
      let run = await lighthouse(baseUrl + page, { port: chrome.port, output: "json", logLevel: "error" }, desktopConfig);
      // Lighthouse now and then loses the trace (NO_NAVSTART) and scores nothing: one more try.
      if (run?.lhr.runtimeError) run = await lighthouse(baseUrl + page, { port: chrome.port, output: "json", logLevel: "error" }, desktopConfig);
      const { categories, audits } = run!.lhr;
      const score = (id: string) => (categories[id]?.score == null ? null : Math.round(categories[id].score * 100));
      const shiftItems = (audits["layout-shifts"]?.details as { items?: ShiftItem[] } | undefined)?.items ?? [];
      results[page] = {
        performance: score("performance"),
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
      };
    }
    return results;
  } finally {
    chrome.kill();
  }
}
