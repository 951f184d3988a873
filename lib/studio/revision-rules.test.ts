import { describe, expect, it } from "vitest";
import { checkLessonOrder, checkNewLessonSlug, condenseDiff, decideWrite, lineDiff, newLessonSource, withFrontmatterTitle } from "./revision-rules";

const at = new Date("2026-01-02T03:04:00Z");

describe("decideWrite", () => {
  const head = { revisionId: "r2", revisionNumber: 2 };

  it("accepts a save from the current revision with no draft, starting draft version 1", () => {
    expect(decideWrite(head, null, { baseRevisionId: "r2", draftVersion: null })).toEqual({ ok: true, nextDraftVersion: 1, nextRevisionNumber: 3 });
  });

  it("accepts a save from the draft version it last saw, and bumps it", () => {
    const draft = { version: 4, updatedByName: "Ann", updatedAt: at };
    expect(decideWrite(head, draft, { baseRevisionId: "r2", draftVersion: 4 })).toMatchObject({ ok: true, nextDraftVersion: 5 });
  });

  it("refuses a save against a stale base revision, naming the newer revision", () => {
    const decision = decideWrite(head, null, { baseRevisionId: "r1", draftVersion: null });
    expect(decision).toMatchObject({ ok: false, reason: "stale-base" });
    expect(!decision.ok && decision.message).toContain("Revision 2 was published after you opened this lesson");
  });

  it("refuses a save against a stale draft version, naming who saved and when", () => {
    const draft = { version: 5, updatedByName: "Ann", updatedAt: at };
    const decision = decideWrite(head, draft, { baseRevisionId: "r2", draftVersion: 4 });
    expect(decision).toMatchObject({ ok: false, reason: "stale-draft" });
    expect(!decision.ok && decision.message).toContain("Ann saved this draft (version 5) at 2026-01-02 03:04 UTC, after you loaded version 4");
  });

  it("refuses when someone started a draft after the editor loaded the lesson", () => {
    const draft = { version: 1, updatedByName: "Ann", updatedAt: at };
    expect(decideWrite(head, draft, { baseRevisionId: "r2", draftVersion: null })).toMatchObject({ ok: false, reason: "stale-draft" });
  });

  it("refuses when the draft the editor saw is gone", () => {
    expect(decideWrite(head, null, { baseRevisionId: "r2", draftVersion: 3 })).toMatchObject({ ok: false, reason: "stale-draft" });
  });

  it("checks the base first, for a lesson never published from the studio too", () => {
    const fresh = { revisionId: null, revisionNumber: 0 };
    expect(decideWrite(fresh, null, { baseRevisionId: null, draftVersion: null })).toMatchObject({ ok: true, nextRevisionNumber: 1 });
    expect(decideWrite(fresh, null, { baseRevisionId: "r9", draftVersion: null })).toMatchObject({ ok: false, reason: "stale-base" });
  });
});

describe("lesson order and slugs", () => {
  it("accepts a permutation and refuses anything else", () => {
    expect(checkLessonOrder(["a", "b", "c"], ["c", "a", "b"])).toBeNull();
    expect(checkLessonOrder(["a", "b"], ["a", "a"])).toBe("A lesson is listed twice.");
    expect(checkLessonOrder(["a", "b"], ["a", "x"])).toContain('no lesson "x"');
    expect(checkLessonOrder(["a", "b"], ["a"])).toContain('leaves out "b"');
  });

  it("checks new slugs", () => {
    expect(checkNewLessonSlug("reward-hacking", ["a"])).toBeNull();
    expect(checkNewLessonSlug("Reward Hacking", [])).toContain("lowercase");
    expect(checkNewLessonSlug("a", ["a"])).toContain("already has");
    // The glossary page's slug, as content:check refuses it in course.json.
    expect(checkNewLessonSlug("glossary", [])).toContain("glossary page");
  });

  it("starts a new lesson with frontmatter that quotes the title", () => {
    expect(newLessonSource('Why "proxies" fail: a note', "x")).toContain('title: "Why \\"proxies\\" fail: a note"\nslug: x\n');
  });
});

describe("lineDiff and condenseDiff", () => {
  it("marks added, removed and unchanged lines", () => {
    expect(lineDiff("a\nb\nc\n", "a\nB\nc\n")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
    ]);
  });

  it("folds long unchanged runs", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = before.replace("line 10\n", "line ten\n");
    const condensed = condenseDiff(lineDiff(before, after), 1);
    expect(condensed).toEqual([null, { kind: "same", text: "line 9" }, { kind: "removed", text: "line 10" }, { kind: "added", text: "line ten" }, { kind: "same", text: "line 11" }, null]);
  });
});

describe("withFrontmatterTitle", () => {
  it("replaces only the frontmatter title", () => {
    const source = "---\ntitle: Old\nslug: x\n---\n\ntitle: not this one\n";
    expect(withFrontmatterTitle(source, "New $1 title")).toBe('---\ntitle: "New $1 title"\nslug: x\n---\n\ntitle: not this one\n');
  });
  it("adds a title when there is none, and leaves text without frontmatter alone", () => {
    expect(withFrontmatterTitle("---\nslug: x\n---\nbody", "T")).toBe('---\ntitle: "T"\nslug: x\n---\nbody');
    expect(withFrontmatterTitle("# no frontmatter", "T")).toBe("# no frontmatter");
  });
});
