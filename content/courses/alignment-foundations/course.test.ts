// The course itself, checked as compiled: what issue #6 promises every lesson has.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileCourse, type CourseCompileResult } from "@/lib/content/compile-course";

const COURSE_DIR = path.join("content", "courses", "alignment-foundations");
let course: CourseCompileResult;

beforeAll(async () => {
  course = await compileCourse(COURSE_DIR, { cacheDir: null });
}, 120_000);

/** Words of prose before the quiz: frontmatter, math, JSX tags and attribute strings left out. */
function proseWords(source: string): number {
  const body = source.replace(/^---[\s\S]*?\n---\n/, "").split("<Quiz")[0]!;
  const text = body
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]+\$/g, " ")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[^>]*>/g, " ");
  return text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;
}

describe("the Alignment Foundations course", () => {
  it("compiles with no errors and lists five lessons", () => {
    expect(course.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(course.lessons.map((lesson) => lesson.slug)).toEqual(course.manifest!.lessons);
    expect(course.lessons).toHaveLength(5);
  });

  it("describes its audience and prerequisites; its time is the lessons' (course.json states none)", () => {
    const manifest = course.manifest!;
    expect(manifest.audience.length).toBeGreaterThan(20);
    expect(manifest.prerequisites.length).toBeGreaterThan(0);
    expect(manifest.estimatedMinutes).toBeUndefined();
    expect(course.diagnostics.filter((d) => d.severity === "warning" && /estimatedMinutes/.test(d.message))).toEqual([]);
  });

  it("gives every lesson objectives, references, a references section and 1,500–3,000 words of prose", () => {
    for (const lesson of course.lessons) {
      const source = readFileSync(path.join(COURSE_DIR, `${lesson.slug}.mdx`), "utf8");
      expect(lesson.frontmatter.objectives.length, lesson.slug).toBeGreaterThanOrEqual(3);
      expect(lesson.frontmatter.references.length, lesson.slug).toBeGreaterThanOrEqual(3);
      expect(source, lesson.slug).toMatch(/<References \/>/);
      const words = proseWords(source);
      expect(words, `${lesson.slug} has ${words} words`).toBeGreaterThanOrEqual(1500);
      expect(words, `${lesson.slug} has ${words} words`).toBeLessThanOrEqual(3000);
    }
  });

  it("resolves every citation key used in the text to an entry in the lesson's references", () => {
    for (const lesson of course.lessons) {
      const source = readFileSync(path.join(COURSE_DIR, `${lesson.slug}.mdx`), "utf8");
      const cited = [...source.matchAll(/<Cite id="([^"]+)"/g)].map((match) => match[1]!);
      const known = new Set(lesson.frontmatter.references.map((reference) => reference.id));
      expect(cited.length, lesson.slug).toBeGreaterThan(5);
      expect(cited.filter((id) => !known.has(id)), lesson.slug).toEqual([]);
    }
  });

  it("has a quiz of at least 8 items per lesson, mixing all four kinds, each with a cited explanation", () => {
    for (const lesson of course.lessons) {
      const quizzes = course.quizzes.filter((quiz) => quiz.lessonSlug === lesson.slug);
      const items = quizzes.flatMap((quiz) => quiz.items);
      expect(items.length, lesson.slug).toBeGreaterThanOrEqual(8);
      expect([...new Set(items.map((item) => item.kind))], lesson.slug).toEqual(expect.arrayContaining(["single", "multiple", "truefalse", "numeric"]));
      for (const item of items) {
        expect(item.explanationHtml, `${lesson.slug}/${item.id}`).toBeTruthy();
        // Explanations cite with <Cite>, rendered as a linked (Author, year) citation.
        expect(item.explanationHtml, `${lesson.slug}/${item.id} cites its source`).toMatch(/href="#ref-/);
      }
    }
    expect(course.quizzes.flatMap((quiz) => quiz.items).length).toBeGreaterThanOrEqual(40);
  });

  it("keeps the two seed items in their given wording", () => {
    const items = course.quizzes.flatMap((quiz) => quiz.items);
    const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&#39;/g, "'").trim();
    const perfectLabels = items.find((item) =>
      plain(item.promptHtml).startsWith("If an AI development team could create a massive, perfectly labeled dataset"),
    )!;
    expect(perfectLabels.kind).toBe("truefalse");
    expect(perfectLabels.choices.find((choice) => choice.correct)!.labelHtml).toMatch(/False/);
    expect(plain(perfectLabels.promptHtml)).toBe(
      "If an AI development team could create a massive, perfectly labeled dataset covering a vast range of human interactions, training a large language model to perfectly replicate the 'good' labels in this dataset would be sufficient to ensure the model is fully aligned with human values.",
    );
    const helpful = items.find((item) => plain(item.promptHtml).startsWith("A development team building a chatbot"))!;
    expect(helpful.kind).toBe("single");
    expect(plain(helpful.choices.find((choice) => choice.correct)!.labelHtml)).toMatch(/diversity and fluidity of human values/i);
  });
});
