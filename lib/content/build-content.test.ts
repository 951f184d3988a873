import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ALLOWED_COMPONENTS } from "./components";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QuizDefinition } from "../quiz/types";
import { buildContent } from "./build-content";
import { listCompiledCourses, readCompiledCourse, readCompiledLesson, readQuizDefinition, readQuizDefinitions, readSearchIndex } from "./compiled-store";
import { formatDiagnostic } from "./diagnostics";
import { loadSearchIndex } from "./search-index";

let workDir: string;
let contentDir: string;
let outputDir: string;
let cacheDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "content-build-"));
  contentDir = path.join(workDir, "courses");
  outputDir = path.join(workDir, "out");
  cacheDir = path.join(workDir, "cache");
  await cp(path.join(__dirname, "fixtures/good-course"), path.join(contentDir, "good-course"), { recursive: true });
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const build = () => buildContent({ paths: [contentDir], outputDir, cacheDir });

describe("content:build", () => {
  it("writes public lessons, the course summary, server-side quizzes and a search index", async () => {
    const result = await build();
    expect(result).toMatchObject({ ok: true, lessons: 2, failedLessons: 0 });

    const course = await readCompiledCourse("good-course", outputDir);
    expect(course?.manifest.title).toBe("A Good Course");
    expect(course?.lessons.map((lesson) => [lesson.slug, lesson.quizIds])).toEqual([
      ["first-lesson", ["goodhart-check"]],
      ["second-lesson", ["second-check"]],
    ]);
    expect((await listCompiledCourses(outputDir)).map((listed) => listed.manifest.slug)).toEqual(["good-course"]);

    const lesson = await readCompiledLesson("good-course", "first-lesson", outputDir);
    expect(lesson?.publicQuizzes["goodhart-check"]?.items).toHaveLength(3);
    expect(await readCompiledLesson("good-course", "../server/quizzes", outputDir)).toBeNull();

    const publicText = await readFile(path.join(outputDir, "public/good-course/first-lesson.json"), "utf8");
    expect(publicText).not.toMatch(/FEEDBACK-|EXPLANATION-|"correct"/);
    const quizzes = await readQuizDefinitions(outputDir);
    expect(quizzes.map((quiz) => `${quiz.lessonSlug}/${quiz.id}`)).toEqual(["first-lesson/goodhart-check", "second-lesson/second-check"]);
    expect((await readQuizDefinition("good-course", "second-check", outputDir))?.items[0]?.explanationHtml).toContain("EXPLANATION-SECOND-3f1b");

    const index = loadSearchIndex((await readSearchIndex(outputDir))!);
    // One document per section: the hit is the section that holds the word, with its heading's anchor.
    expect(index.search("noise")[0]).toMatchObject({ courseSlug: "good-course", slug: "first-lesson", anchor: "regressional-goodhart", lessonTitle: "The first lesson", heading: "Regressional Goodhart" });
    expect(index.search("Preferences")[0]).toMatchObject({ slug: "first-lesson", anchor: "", excerpt: "Proxies, preferences and a quiz." });
    expect(index.search("EXPLANATION")).toEqual([]);
  });

  it("fails with file:line:col and keeps the last good output of a broken lesson", async () => {
    await build();
    const goodOutput = await readFile(path.join(outputDir, "public/good-course/second-lesson.json"), "utf8");
    const lessonFile = path.join(contentDir, "good-course/second-lesson.mdx");
    await writeFile(lessonFile, (await readFile(lessonFile, "utf8")).replace("<GoodhartFigure />", "<GoodhartChart />"));
    const firstFile = path.join(contentDir, "good-course/first-lesson.mdx");
    await writeFile(firstFile, (await readFile(firstFile, "utf8")).replace("A second heading", "An edited heading"));

    const result = await build();
    expect(result.ok).toBe(false);
    expect(result.failedLessons).toBe(1);
    expect(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, contentDir))).toContain(
      `good-course/second-lesson.mdx:14:1 unknown component <GoodhartChart>; allowed: ${ALLOWED_COMPONENTS.join(", ")}`,
    );
    expect(await readFile(path.join(outputDir, "public/good-course/second-lesson.json"), "utf8")).toBe(goodOutput);
    expect(JSON.stringify((await readCompiledLesson("good-course", "first-lesson", outputDir))?.searchSections)).toContain("An edited heading");
    const quizzes = JSON.parse(await readFile(path.join(outputDir, "server/quizzes.json"), "utf8")) as QuizDefinition[];
    expect(quizzes.map((quiz) => quiz.id)).toEqual(["goodhart-check", "second-check"]);
    expect((await readCompiledCourse("good-course", outputDir))?.lessons.map((lesson) => lesson.slug)).toEqual(["first-lesson", "second-lesson"]);
  });
});

describe("quiz ids across courses (#12 item 9)", () => {
  it("refuses a quiz id another course already uses, naming the other place, in content:build and content:check", async () => {
    const copy = path.join(contentDir, "z-copied-course");
    await cp(path.join(__dirname, "fixtures/good-course"), copy, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(copy, "course.json"), "utf8")) as { slug: string };
    await writeFile(path.join(copy, "course.json"), JSON.stringify({ ...manifest, slug: "copied-course" }));
    const expected = [
      `z-copied-course/first-lesson.mdx:54:1 quiz id "goodhart-check" is already used in good-course/first-lesson.mdx:54:1; quiz ids must be unique across all courses and the studio`,
      `z-copied-course/second-lesson.mdx:16:1 quiz id "second-check" is already used in good-course/second-lesson.mdx:16:1; quiz ids must be unique across all courses and the studio`,
    ];
    const relative = (line: string) => line.replaceAll(`${contentDir}/`, "").replaceAll(`${contentDir.replace(/^\//, "")}/`, "");
    const result = await build();
    expect(result.ok).toBe(false);
    const built = result.diagnostics.filter((diagnostic) => diagnostic.message.includes("unique across")).map((diagnostic) => relative(formatDiagnostic(diagnostic, "/")));
    // Reported once per duplicate, in the course that came second; the first keeps working.
    expect(built.map((line) => line.replace(/^\//, ""))).toEqual(expected);
    expect((await readCompiledCourse("good-course", outputDir))?.lessons).toHaveLength(2);
    const { checkContent } = await import("./check-content");
    const checked = (await checkContent([contentDir])).filter((diagnostic) => diagnostic.message.includes("unique across"));
    expect(checked.map((diagnostic) => relative(formatDiagnostic(diagnostic, "/")).replace(/^\//, ""))).toEqual(expected);
  });
});
