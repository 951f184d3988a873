// How course pages are served (#13 "Redirects and caches", #14): unknown slugs are never stored, and a
// lesson's cache headers let a studio publish take effect (an ETag to revalidate, a short shared max-age)
// instead of letting a CDN keep a page for a year.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { COMPILE_HINT } from "../scripts/lib/compile-hints.mjs";
import { COURSE, DEMO, LESSONS, signInViaApi } from "./support";

const BROWSER = { accept: "text/html", "accept-encoding": "gzip, deflate, br, zstd" };
const LESSON = `/courses/${COURSE}/${LESSONS[0]}`;

function filesUnder(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) count += entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : 1;
  return count;
}

test("unknown course and lesson slugs get a 404 that nothing keeps: no file in the route cache, no shared caching", async ({ request }) => {
  const routeCache = path.join(".next", "server", "app");
  const before = filesUnder(routeCache);
  for (let i = 0; i < 30; i++) {
    for (const url of [`/courses/no-such-course-${i}`, `/courses/${COURSE}/no-such-lesson-${i}`]) {
      const response = await request.get(url, { headers: BROWSER });
      expect(response.status(), url).toBe(404);
      expect(response.headers()["cache-control"], url).toMatch(/no-store/);
    }
  }
  expect(filesUnder(routeCache)).toBe(before);
});

test("the framework scripts a lesson runs at startup are served marked for eager compilation (V8 compile hints)", async ({ request }) => {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const html = await (await request.get(LESSON, { headers: BROWSER })).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  const startup = rootMainFiles.filter((file) => file.endsWith(".js")).map((file) => `/_next/${file}`);
  expect(startup.length).toBeGreaterThan(1);
  for (const src of startup) {
    expect(scripts, `${src} is loaded by the lesson`).toContain(src);
    const body = await (await request.get(src, { headers: { "accept-encoding": BROWSER["accept-encoding"] } })).text();
    expect(body.startsWith(COMPILE_HINT), src).toBe(true);
  }
});

test("lesson pages are revalidated, not cached for a year: ETag, a 304 while unchanged, a short shared max-age", async ({ request }) => {
  for (const url of ["/", `/courses/${COURSE}`, LESSON]) {
    const response = await request.get(url, { headers: BROWSER });
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers["cache-control"], url).not.toMatch(/31536000|immutable/);
    expect(headers["cache-control"], url).toMatch(/max-age=0/);
    expect(headers["cache-control"], url).toMatch(/must-revalidate/);
    expect(Number(/s-maxage=(\d+)/.exec(headers["cache-control"]!)?.[1] ?? 0), url).toBeLessThanOrEqual(5);
    expect(headers["vary"], url).toMatch(/accept-encoding/i);
    expect(headers["etag"], url).toBeTruthy();
    const again = await request.get(url, { headers: { ...BROWSER, "if-none-match": headers["etag"]! } });
    expect(again.status(), url).toBe(304);
  }
});

test("a studio publish takes effect on the next request: a new ETag, the old one no longer matches, and a withdrawal restores the file", async ({ page }) => {
  const first = await page.request.get(LESSON, { headers: BROWSER });
  const etag = first.headers()["etag"]!;
  await signInViaApi(page, DEMO.instructor.email, DEMO.instructor.password);
  const api = `/api/studio/courses/${COURSE}/lessons/${LESSONS[0]}`;
  const source = `---\ntitle: Why fitting data is not enough\nslug: ${LESSONS[0]}\nsummary: Edited for the cache test.\nestimatedMinutes: 5\nobjectives:\n  - Check a publish reaches readers.\n---\n\nThe wallaby paragraph proves the publish arrived.\n`;
  const published = await page.request.post(`${api}/publish`, { data: { source, baseRevisionId: null, draftVersion: null } });
  expect(published.status(), await published.text()).toBe(201);
  try {
    const after = await page.request.get(LESSON, { headers: { ...BROWSER, "if-none-match": etag } });
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain("The wallaby paragraph proves the publish arrived.");
    expect(after.headers()["etag"]).not.toBe(etag);
  } finally {
    expect((await page.request.patch(api, { data: { serveFile: true } })).status()).toBe(200);
  }
  const restored = await page.request.get(LESSON, { headers: BROWSER });
  expect(await restored.text()).not.toContain("wallaby");
});
