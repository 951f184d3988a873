import { describe, expect, it } from "vitest";
import type { LessonSummary } from "@/lib/content/types";
import { overlayLessons, visibleLessons, type StudioLessonRow } from "./overlay";

const summary = (slug: string, title = slug.toUpperCase()): LessonSummary => ({ slug, title, summary: `${slug} summary`, estimatedMinutes: 10, objectives: [], quizIds: [], contentHash: slug });
const row = (lessonSlug: string, extra: Partial<StudioLessonRow> = {}): StudioLessonRow => ({
  lessonSlug,
  title: lessonSlug,
  position: 0,
  published: true,
  fromFile: true,
  publishedRevisionId: null,
  summary: null,
  ...extra,
});

describe("overlayLessons", () => {
  const files = [summary("a"), summary("b"), summary("c")];

  it("without studio rows, is the file course", () => {
    expect(visibleLessons(overlayLessons(files, []))).toEqual(files);
  });

  it("serves a published studio revision instead of the file, with the badge", () => {
    const lessons = overlayLessons(files, [row("b", { position: 1, title: "B v2", publishedRevisionId: "r1", summary: summary("b", "B v2") })]);
    expect(lessons[1]).toMatchObject({ slug: "b", title: "B v2", editedInStudio: true, revisionId: "r1", visible: true });
    expect(lessons[0]).toMatchObject({ editedInStudio: false, revisionId: null });
  });

  it("hides unpublished lessons from students but keeps them in the studio list", () => {
    const lessons = overlayLessons(files, [row("a", { published: false })]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["a", "b", "c"]);
    expect(visibleLessons(lessons).map((lesson) => lesson.slug)).toEqual(["b", "c"]);
  });

  it("adds studio-created lessons, visible once published with a revision", () => {
    const draftOnly = overlayLessons(files, [row("new", { fromFile: false, position: 3, published: true })]);
    expect(draftOnly.map((lesson) => lesson.slug)).toEqual(["a", "b", "c", "new"]);
    expect(visibleLessons(draftOnly).map((lesson) => lesson.slug)).toEqual(["a", "b", "c"]);
    const published = overlayLessons(files, [row("new", { fromFile: false, position: 3, publishedRevisionId: "r", summary: summary("new") })]);
    expect(visibleLessons(published).map((lesson) => lesson.slug)).toEqual(["a", "b", "c", "new"]);
  });

  it("orders by studio position, falling back to file order", () => {
    const lessons = overlayLessons(files, [row("c", { position: 0 }), row("a", { position: 1 }), row("b", { position: 2 })]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["c", "a", "b"]);
  });
});
