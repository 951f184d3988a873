import { afterEach, describe, expect, it, vi } from "vitest";
import { createContentVersionWatcher, installedWatcher, installWatcher, type ContentVersionWatcher } from "./content-version";

let watcher: ContentVersionWatcher | undefined;
afterEach(() => {
  watcher?.stop();
  vi.useRealTimers();
});

describe("createContentVersionWatcher", () => {
  it("follows the database's version on every interval", async () => {
    vi.useFakeTimers();
    let stored = "1";
    watcher = createContentVersionWatcher(() => Promise.resolve(stored), { intervalMs: 1000 });
    await watcher.refresh();
    const before = watcher.current();
    stored = "2";
    expect(watcher.current()).toBe(before);
    await vi.advanceTimersByTimeAsync(1000);
    expect(watcher.current()).not.toBe(before);
  });

  it("changes at once when this process made the change", async () => {
    watcher = createContentVersionWatcher(() => Promise.resolve("1"));
    await watcher.refresh();
    const before = watcher.current();
    watcher.noteLocalChange();
    expect(watcher.current()).not.toBe(before);
  });

  it("never repeats a version while the database cannot be read, so nothing cached is served", async () => {
    const errors: unknown[] = [];
    watcher = createContentVersionWatcher(() => Promise.reject(new Error("database down")), { onError: (error) => errors.push(error) });
    await watcher.refresh();
    const first = watcher.current();
    await watcher.refresh();
    expect(watcher.current()).not.toBe(first);
    expect(errors).toHaveLength(2);
  });

  it("is shared through globalThis, so the Next.js bundle and the server entry see one watcher", () => {
    watcher = createContentVersionWatcher(() => Promise.resolve("1"));
    installWatcher(watcher);
    expect(installedWatcher()).toBe(watcher);
  });
});
