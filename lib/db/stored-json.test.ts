// Stored JSON as the build writes it parses under its schema unchanged; malformed rows and files are one
// logged error naming them, and each reader falls back to its safe default instead of crashing.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toAttemptRecord, toGradedAttempt } from "@/lib/attempts/submit";
import { buildContent } from "@/lib/content/build-content";
import { readCompiledCourse, readCompiledLesson, readQuizDefinitions } from "@/lib/content/compiled-store";
import { outputPaths } from "@/lib/content/output-paths";
import {
  compiledCourseSchema,
  compiledLessonSchema,
  gradedItemsSchema,
  parseStoredJson,
  quizDefinitionsSchema,
  quizResponsesSchema,
  readStoredJson,
  storedCompilationSchema,
} from "./stored-json";

let workDir: string;
let outputDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "stored-json-"));
  outputDir = path.join(workDir, "out");
  await cp(path.join(process.cwd(), "lib/content/fixtures/good-course"), path.join(workDir, "courses", "good-course"), { recursive: true });
  const result = await buildContent({ paths: [path.join(workDir, "courses")], outputDir, cacheDir: null });
  expect(result.ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const files = () => outputPaths(outputDir);

describe("what content:build writes", () => {
  it("parses under its schema without losing or changing anything", async () => {
    const checks = [
      [files().courseFile("good-course"), compiledCourseSchema],
      [files().lessonFile("good-course", "first-lesson"), compiledLessonSchema],
      [files().lessonFile("good-course", "second-lesson"), compiledLessonSchema],
      [files().quizzesFile, quizDefinitionsSchema],
    ] as const;
    for (const [file, schema] of checks) {
      const text = await readFile(file, "utf8");
      const parsed = parseStoredJson(schema as never, text);
      expect(parsed, file).toEqual({ ok: true, value: JSON.parse(text) as unknown });
    }
  });
});

describe("malformed .content files", () => {
  it("a malformed lesson file is logged with its path and read as a missing lesson", async () => {
    const file = files().lessonFile("good-course", "second-lesson");
    const good = await readFile(file, "utf8");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await writeFile(file, JSON.stringify({ ...JSON.parse(good), toc: "not a list" }));
      expect(await readCompiledLesson("good-course", "second-lesson", outputDir)).toBeNull();
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`malformed stored JSON in ${file}: toc:`));
      await writeFile(file, good.slice(0, 100)); // torn
      expect(await readCompiledLesson("good-course", "second-lesson", outputDir)).toBeNull();
      expect(log).toHaveBeenLastCalledWith(expect.stringContaining("not JSON"));
    } finally {
      await writeFile(file, good);
    }
    expect((await readCompiledLesson("good-course", "second-lesson", outputDir))?.slug).toBe("second-lesson");
  });

  it("a malformed quizzes.json or course.json is logged and read as none", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const quizzes = files().quizzesFile;
    const course = files().courseFile("good-course");
    const [goodQuizzes, goodCourse] = await Promise.all([readFile(quizzes, "utf8"), readFile(course, "utf8")]);
    try {
      await writeFile(quizzes, JSON.stringify([{ id: "q", items: "everything" }]));
      await writeFile(course, JSON.stringify({ manifest: { slug: "Bad Slug" }, lessons: [] }));
      expect(await readQuizDefinitions(outputDir)).toEqual([]);
      expect(await readCompiledCourse("good-course", outputDir)).toBeNull();
      expect(log.mock.calls.map(([message]) => String(message))).toEqual([expect.stringContaining(quizzes), expect.stringContaining(course)]);
    } finally {
      await Promise.all([writeFile(quizzes, goodQuizzes), writeFile(course, goodCourse)]);
    }
  });
});

describe("malformed JSON columns", () => {
  it("name the first bad path, and are never thrown", () => {
    const problem = (result: { ok: boolean; problem?: string }) => (result.ok ? "accepted" : result.problem);
    expect(problem(parseStoredJson(gradedItemsSchema, "{"))).toMatch(/^not JSON/);
    expect(problem(parseStoredJson(gradedItemsSchema, '[{"itemId":"a","kind":"single","selectedChoiceIds":[],"score":"1","maxScore":1,"correct":true,"answered":true}]'))).toMatch(/^0\.score:/);
    expect(problem(parseStoredJson(quizResponsesSchema, '{"q1":"a"}'))).toMatch(/^q1:/);
    expect(problem(parseStoredJson(storedCompilationSchema, "null"))).toMatch(/^\(root\):/);
    expect(parseStoredJson(quizResponsesSchema, '{"q1":["a"]}')).toEqual({ ok: true, value: { q1: ["a"] } });
  });

  it("readStoredJson logs which row is malformed and returns null", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(readStoredJson(quizResponsesSchema, "[1]", "QuizDraft x (responses)")).toBeNull();
    expect(log).toHaveBeenCalledWith("malformed stored JSON in QuizDraft x (responses): (root): Invalid input: expected record, received array");
  });

  it("an attempt row with malformed itemScores keeps its score and counts no item as correct (reveals less, never more)", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const row = { attemptNumber: 2, score: 1, maxScore: 2, passed: false, itemScores: '{"broken":', quizVersionId: "v1" };
    expect(toAttemptRecord(row)).toEqual({ attemptNumber: 2, fraction: 0.5, items: [] });
    expect(toGradedAttempt({ id: "q", version: "1" } as never, row)).toMatchObject({ items: [], score: 1, maxScore: 2 });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("QuizAttempt 2 of quiz version v1 (itemScores)"));
  });
});
