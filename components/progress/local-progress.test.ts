// What the browser keeps in localStorage comes back as anything may have been written there (a signed-out
// reader's progress, the studio's local copy, the quiz's draft):
// well-formed entries are kept, everything else is dropped instead of rendered or sent to the server.
import { afterEach, describe, expect, it, vi } from "vitest";
import { localCopy } from "@/components/studio/local-copy";
import { readLocalProgress } from "./local-progress";

function storageHolding(values: Record<string, string>) {
  return { getItem: (key: string) => values[key] ?? null, setItem: vi.fn(), removeItem: vi.fn() };
}

afterEach(() => vi.unstubAllGlobals());

describe("progress kept in this browser", () => {
  it("keeps well-formed entries and drops the rest", () => {
    const good = { courseSlug: "c", lessonSlug: "l", completed: true, lastVisitedAt: "2026-11-28T10:00:00.000Z", lastSection: null };
    const stored = [good, { ...good, lessonSlug: 7 }, { ...good, completed: "yes" }, null, "x", { ...good, lastSection: "intro" }];
    vi.stubGlobal("localStorage", storageHolding({ "af:progress": JSON.stringify(stored) }));
    expect(readLocalProgress()).toEqual([good, { ...good, lastSection: "intro" }]);
  });

  it("reads nothing from a value that is not a list, or not JSON", () => {
    vi.stubGlobal("localStorage", storageHolding({ "af:progress": '{"courseSlug":"c"}' }));
    expect(readLocalProgress()).toEqual([]);
    vi.stubGlobal("localStorage", storageHolding({ "af:progress": "{not json" }));
    expect(readLocalProgress()).toEqual([]);
  });
});

describe("the studio's local copy", () => {
  it("is restored only when every field has its type", () => {
    const copy = { source: "# Hi", baseRevisionId: null, draftVersion: 3, keptAt: "2026-11-28T10:00:00.000Z" };
    vi.stubGlobal("localStorage", storageHolding({ "af-studio:c/l": JSON.stringify(copy) }));
    expect(localCopy.read("c", "l")).toEqual(copy);
    vi.stubGlobal("localStorage", storageHolding({ "af-studio:c/l": JSON.stringify({ ...copy, source: 42 }) }));
    expect(localCopy.read("c", "l")).toBeNull();
  });
});

describe("the quiz's local draft and pending submission", () => {
  it("are read back only when every field has its type", async () => {
    const { localDraft, pendingSubmission } = await import("@/components/quiz/quiz-api");
    const draft = { version: "v1", responses: { q1: ["c1"], q2: [] } };
    const pending = { submissionId: "s-1", responses: { q1: ["c2"] } };
    vi.stubGlobal("localStorage", storageHolding({ "af:quiz-draft:quiz": JSON.stringify(draft), "af:quiz-pending:quiz": JSON.stringify(pending) }));
    expect(localDraft.read("quiz")).toEqual(draft);
    expect(pendingSubmission.read("quiz")).toEqual(pending);
    vi.stubGlobal("localStorage", storageHolding({ "af:quiz-draft:quiz": JSON.stringify({ version: "v1", responses: { q1: [3] } }), "af:quiz-pending:quiz": '{"submissionId":7}' }));
    expect(localDraft.read("quiz")).toBeNull();
    expect(pendingSubmission.read("quiz")).toBeNull();
  });
});
