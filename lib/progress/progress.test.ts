// Progress against a real (temporary) SQLite database: the one-statement merge of a signed-out reader's
// local progress keeps completions, lets the newer visit win, and folds duplicate entries.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";

const file = path.join(mkdtempSync(path.join(tmpdir(), "af-progress-test-")), "test.db");
process.env.DATABASE_URL = `file:${file}`;

const { db } = await import("@/lib/db/client");
const { combineLocalEntries, courseProgress, mergeLocalProgress, recordVisit, setLessonComplete } = await import("./progress");

async function learner() {
  const id = randomUUID();
  await db().user.create({ data: { id, email: `${id}@example.com`, name: "Reader" } });
  return id;
}

const entry = (lessonSlug: string, lastVisitedAt: string, completed = false, lastSection: string | null = null) => ({
  courseSlug: "course",
  lessonSlug,
  completed,
  lastVisitedAt,
  lastSection,
});

beforeAll(async () => {
  const target = await sqliteTarget(file);
  await runMigrations(target, readMigrations("prisma/migrations"));
  await target.close();
});

afterAll(async () => {
  await db().$disconnect();
});

describe("combineLocalEntries", () => {
  it("keeps one entry per lesson: the newer visit, completed if either was", () => {
    const combined = combineLocalEntries([
      entry("a", "2026-01-02T00:00:00.000Z", false, "late"),
      entry("a", "2026-01-01T00:00:00.000Z", true, "early"),
      entry("b", "2026-01-01T00:00:00.000Z"),
    ]);
    expect(combined).toEqual([entry("a", "2026-01-02T00:00:00.000Z", true, "late"), entry("b", "2026-01-01T00:00:00.000Z")]);
  });
});

describe("mergeLocalProgress", () => {
  it("creates rows for new lessons and folds duplicates in one statement", async () => {
    const userId = await learner();
    await mergeLocalProgress(userId, [
      entry("a", "2026-01-01T00:00:00.000Z", true, "s1"),
      entry("a", "2026-01-03T00:00:00.000Z", false, "s3"),
      entry("b", "2026-01-02T00:00:00.000Z", false, null),
    ]);
    const rows = await db().lessonProgress.findMany({ where: { userId }, orderBy: { lessonSlug: "asc" } });
    expect(rows.map((row) => [row.lessonSlug, row.lastSection, row.lastVisitedAt.toISOString(), row.completedAt?.toISOString() ?? null])).toEqual([
      ["a", "s3", "2026-01-03T00:00:00.000Z", "2026-01-03T00:00:00.000Z"],
      ["b", null, "2026-01-02T00:00:00.000Z", null],
    ]);
  });

  it("keeps the server's newer visit and its first completion; takes the browser's newer visit", async () => {
    const userId = await learner();
    await recordVisit(userId, "course", "server-newer", "server-section");
    await setLessonComplete(userId, "course", "completed-on-server", true);
    const firstCompletion = (await db().lessonProgress.findFirstOrThrow({ where: { userId, lessonSlug: "completed-on-server" } })).completedAt;
    await db().lessonProgress.create({
      data: { userId, courseSlug: "course", lessonSlug: "browser-newer", lastVisitedAt: new Date("2026-01-01T00:00:00.000Z"), lastSection: "old" },
    });

    await mergeLocalProgress(userId, [
      entry("server-newer", "2020-01-01T00:00:00.000Z", true, "browser-section"),
      entry("completed-on-server", "2099-01-01T00:00:00.000Z", true, "later"),
      entry("browser-newer", "2026-06-01T00:00:00.000Z", false, "new"),
    ]);

    const progress = Object.fromEntries((await courseProgress(userId, "course")).map((view) => [view.lessonSlug, view]));
    // The server saw a later visit: its section stays, but the browser's completion is kept.
    expect(progress["server-newer"]).toMatchObject({ lastSection: "server-section", completed: true });
    const completed = await db().lessonProgress.findFirstOrThrow({ where: { userId, lessonSlug: "completed-on-server" } });
    expect(completed.completedAt?.toISOString()).toBe(firstCompletion?.toISOString());
    expect(completed.lastSection).toBe("later");
    expect(progress["browser-newer"]).toMatchObject({ lastSection: "new", lastVisitedAt: "2026-06-01T00:00:00.000Z", completed: false });
  });

  it("leaves other learners' rows alone and accepts an empty batch", async () => {
    const [one, two] = [await learner(), await learner()];
    await mergeLocalProgress(one, [entry("x", "2026-01-01T00:00:00.000Z", true)]);
    await mergeLocalProgress(two, []);
    expect(await courseProgress(two, "course")).toEqual([]);
    expect(await courseProgress(one, "course")).toHaveLength(1);
  });
});

describe("lesson progress writes", () => {
  it("complete, complete again, visit, un-complete: one row, the first completion time kept until un-completed", async () => {
    const userId = await learner();
    await setLessonComplete(userId, "course", "one", true);
    const first = await db().lessonProgress.findFirstOrThrow({ where: { userId, lessonSlug: "one" } });
    expect(first.completedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setLessonComplete(userId, "course", "one", true);
    await recordVisit(userId, "course", "one", "section-2");
    const again = await db().lessonProgress.findMany({ where: { userId, lessonSlug: "one" } });
    expect(again).toHaveLength(1);
    expect(again[0]!.completedAt?.toISOString()).toBe(first.completedAt?.toISOString());
    expect(again[0]!.lastSection).toBe("section-2");
    expect(again[0]!.lastVisitedAt.getTime()).toBeGreaterThan(first.lastVisitedAt.getTime());
    await setLessonComplete(userId, "course", "one", false);
    expect((await courseProgress(userId, "course"))[0]).toMatchObject({ lessonSlug: "one", completed: false, lastSection: "section-2" });
  });

  it("many concurrent completions and visits of one new row all succeed and leave one row", async () => {
    const userId = await learner();
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? setLessonComplete(userId, "course", "race", true) : recordVisit(userId, "course", "race", `s${n}`))));
    const rows = await db().lessonProgress.findMany({ where: { userId, lessonSlug: "race" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.completedAt).not.toBeNull();
  });

  it("an un-completed lesson that was never visited is stored as visited, not completed", async () => {
    const userId = await learner();
    await setLessonComplete(userId, "course", "never", false);
    expect(await courseProgress(userId, "course")).toMatchObject([{ lessonSlug: "never", completed: false, lastSection: null }]);
  });
});
