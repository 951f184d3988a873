import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundleWithMdxBundler, compileLesson, compileLessonSource, type MdxBundler } from "./compile-lesson";

const fixture = path.join(__dirname, "fixtures/good-course/first-lesson.mdx");
/** Every feedback and explanation in the fixture carries one of these markers. */
const SECRET_MARKERS = /FEEDBACK-|EXPLANATION-/;

function countingBundler(): { bundler: MdxBundler; calls: () => number } {
  let calls = 0;
  return {
    bundler: async (job) => {
      calls += 1;
      return bundleWithMdxBundler(job);
    },
    calls: () => calls,
  };
}

let workDir: string;
beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "content-compile-"));
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("compileLesson", () => {
  it("compiles a lesson whose code carries nothing of a quiz but its id", async () => {
    const result = await compileLesson(fixture, { courseSlug: "good-course", cacheDir: null });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { code, publicQuizzes } = result.lesson;
    expect(code).toContain('{id:"goodhart-check"}');
    expect(code).not.toMatch(SECRET_MARKERS);
    expect(code).not.toMatch(/correct|feedback|maxAttempts|after-last-attempt|Causal Goodhart|Extremal Goodhart|noisy proxy \$/);
    const publicJson = JSON.stringify(result.lesson);
    expect(publicJson).not.toMatch(SECRET_MARKERS);
    expect(publicJson).not.toMatch(/"correct"|feedbackHtml|explanationHtml/);
    expect(Object.keys(publicQuizzes)).toEqual(["goodhart-check"]);
    // The keyed definition, kept apart, has them all.
    const keyed = JSON.stringify(result.quizzes);
    expect(keyed).toContain("FEEDBACK-CAUSAL-7f3a");
    expect(keyed).toContain("EXPLANATION-VARIANT-91d0");
    expect(keyed).toContain('"correct":true');
  });

  it("renders math, highlighted code, footnotes and heading anchors into the bundle", async () => {
    const result = await compileLesson(fixture, { courseSlug: "good-course", cacheDir: null });
    if (!result.ok) throw new Error("compile failed");
    const { code } = result.lesson;
    expect(code).toContain("katex");
    expect(code).toContain("data-rehype-pretty-code-figure");
    expect(code).toContain("--shiki-dark");
    expect(code).toContain("user-content-fn-1");
    expect(code).toContain('id:"why-proxies-fail-1"');
    expect(code).toContain('href:"#why-proxies-fail"');
  });

  it("extracts the table of contents with the ids rehype-slug gives the headings", async () => {
    const result = await compileLesson(fixture, { courseSlug: "good-course", cacheDir: null });
    if (!result.ok) throw new Error("compile failed");
    expect(result.lesson.toc).toEqual([
      { depth: 2, id: "why-proxies-fail", text: "Why proxies fail" },
      { depth: 3, id: "regressional-goodhart", text: "Regressional Goodhart" },
      { depth: 2, id: "why-proxies-fail-1", text: "Why proxies fail" },
      { depth: 2, id: "quiz-goodhart-check", text: "Check your understanding", kind: "quiz" },
      { depth: 2, id: "references", text: "References" },
    ]);
    // Headings carry their ids in the bundle; the quiz's section gets its id when the quiz renders.
    for (const entry of result.lesson.toc.filter((toc) => toc.kind !== "quiz")) expect(result.lesson.code).toContain(`id:"${entry.id}"`);
    expect(result.lesson.citations).toEqual(["christiano2017", "manheim2018"]);
  });

  it("does no esbuild work the second time unchanged content compiles", async () => {
    const lessonFile = path.join(workDir, "first-lesson.mdx");
    await copyFile(fixture, lessonFile);
    const cacheDir = path.join(workDir, "cache");
    const counter = countingBundler();
    const first = await compileLesson(lessonFile, { courseSlug: "good-course", cacheDir, bundler: counter.bundler });
    expect(counter.calls()).toBe(1);
    const second = await compileLesson(lessonFile, { courseSlug: "good-course", cacheDir, bundler: counter.bundler });
    expect(counter.calls()).toBe(1);
    expect(second).toEqual(first);

    await writeFile(lessonFile, (await readFile(lessonFile, "utf8")).replace("A second heading", "An edited heading"));
    const edited = await compileLesson(lessonFile, { courseSlug: "good-course", cacheDir, bundler: counter.bundler });
    expect(counter.calls()).toBe(2);
    expect(edited.ok && first.ok && edited.lesson.contentHash !== first.lesson.contentHash).toBe(true);
  });

  it("never bundles a lesson that fails validation", async () => {
    const counter = countingBundler();
    const source = (await readFile(fixture, "utf8")).replace("<GoodhartFigure />", "").replace("<Callout type=\"key\"", "<Callout type=\"loud\"");
    const result = await compileLessonSource(source, { courseSlug: "good-course", bundler: counter.bundler });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)).toEqual(["<preview>:35:10"]);
    expect(counter.calls()).toBe(0);
  });

  it("runs esbuild one job at a time", async () => {
    let running = 0;
    let maxRunning = 0;
    const bundler: MdxBundler = async (job) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      try {
        return await bundleWithMdxBundler(job);
      } finally {
        running -= 1;
      }
    };
    const source = await readFile(fixture, "utf8");
    const results = await Promise.all([1, 2, 3].map(() => compileLessonSource(source, { courseSlug: "good-course", bundler })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(maxRunning).toBe(1);
  });
});
