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

describe("upsertOnce", () => {
  it("runs an upsert again when a concurrent insert of the same row won the unique index, and only then", async () => {
    const { upsertOnce } = await import("./progress");
    const lost = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    let calls = 0;
    await upsertOnce(() => (++calls === 1 ? Promise.reject(lost) : Promise.resolve()));
    expect(calls).toBe(2);
    const other = Object.assign(new Error("foreign key"), { code: "P2003" });
    await expect(upsertOnce(() => Promise.reject(other))).rejects.toBe(other);
  });
});
