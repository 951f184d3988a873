// Lighthouse (performance, accessibility, best practices, SEO) for /, a lesson page and the sandbox,
// driving Debian's chromium through chrome-launcher. Desktop preset, simulated throttling.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export const LIGHTHOUSE_PAGES = ["/", "/courses/alignment-foundations/why-fitting-data-is-not-enough", "/sandbox/conformal"];

export async function runLighthouseBench(baseUrl: string, chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const results: Record<string, Record<string, number | null>> = {};
    for (const page of LIGHTHOUSE_PAGES) {
      const run = await lighthouse(baseUrl + page, { port: chrome.port, output: "json", logLevel: "error" }, desktopConfig);
      const categories = run!.lhr.categories;
      const score = (id: string) => (categories[id]?.score == null ? null : Math.round(categories[id]!.score! * 100));
      results[page] = {
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: Math.round(run!.lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
        tbtMs: Math.round(run!.lhr.audits["total-blocking-time"]?.numericValue ?? 0),
        cls: Number((run!.lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
      };
    }
    return results;
  } finally {
    chrome.kill();
  }
}
