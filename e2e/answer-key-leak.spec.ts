// Proves the non-negotiable: explanations, per-choice feedback and correct flags never reach the browser
// before a submit. Scans every lesson's HTML and RSC payload, what the page fetches before submitting,
// the search index, and every file under .next/static.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formatLeak, scanForLeaks, type ScannedFile } from "@/lib/quiz/leak-scan";
import { COURSE, fixtureLesson, LESSONS, quizDefinitions, signedInStudent } from "./support";

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

test("no explanation, feedback or correct flag reaches the browser before a submit", async ({ page, request }) => {
  const quizzes = quizDefinitions();
  expect(quizzes.length).toBeGreaterThanOrEqual(5);
  const scanned: ScannedFile[] = [];

  for (const lesson of LESSONS) {
    const url = `/courses/${COURSE}/${lesson}`;
    const html = await request.get(url);
    expect(html.ok()).toBe(true);
    scanned.push({ path: `${url} (HTML)`, text: await html.text() });
    const rsc = await request.get(url, { headers: { RSC: "1" } });
    expect(rsc.ok()).toBe(true);
    const rscText = await rsc.text();
    expect(rscText.length).toBeGreaterThan(1000); // a real payload, not an error page
    scanned.push({ path: `${url} (RSC payload)`, text: rscText });
  }
  scanned.push({ path: "/search-index.json", text: await (await request.get("/search-index.json")).text() });

  // What a quiz fetches before a submit, signed out and signed in.
  await signedInStudent(page);
  for (const quiz of quizzes) {
    scanned.push({ path: `state ${quiz.id} (anonymous)`, text: await (await request.get(`/api/quizzes/${quiz.id}/state`)).text() });
    scanned.push({ path: `state ${quiz.id} (student)`, text: await (await page.request.get(`/api/quizzes/${quiz.id}/state`)).text() });
  }

  let staticFiles = 0;
  for (const file of filesUnder(".next/static")) {
    if (!/\.(js|css|json|html|txt|map)$/.test(file) || statSync(file).size > 20_000_000) continue;
    scanned.push({ path: file, text: readFileSync(file, "utf8") });
    staticFiles++;
  }
  expect(staticFiles).toBeGreaterThan(10);

  const result = scanForLeaks(quizzes, scanned);
  console.log(`leak scan: ${result.filesScanned} files, ${quizzes.length} quizzes, ${result.leaks.length} leaks`);
  expect(result.leaks.map(formatLeak)).toEqual([]);
});

test("the scanner would catch a leak: a submit's review carries the explanation", async ({ page }) => {
  // Guards the guard: the same scan over a post-submit review must find the secret it is allowed to show.
  // The course's quizzes keep explanations until the last attempt, so this uses a quiz that shows them after each submit.
  const fixture = await fixtureLesson("leak-scan", 'showAnswers="after-submit"');
  try {
    const quiz = fixture.quiz;
    expect(quiz.policy.showAnswers).toBe("after-submit");
    await signedInStudent(page);
    const item = quiz.items[0]!;
    const response = await page.request.post(`/api/quizzes/${quiz.id}/attempts`, {
      data: { quizId: quiz.id, quizVersion: quiz.version, submissionId: crypto.randomUUID(), responses: { [item.id]: [item.choices[0]!.id] } },
    });
    expect(response.status()).toBe(201);
    const result = scanForLeaks([quiz], [{ path: "review", text: await response.text() }]);
    expect(result.leaks.filter((leak) => leak.type === "secret" && leak.kind === "explanation" && leak.itemId === item.id)).not.toHaveLength(0);
  } finally {
    await fixture.hide();
  }
});
