// What version of the course every instance should be serving. The studio bumps a counter in the database
// on every publish, hide, withdraw and reorder (lib/course/content-signal.ts); each instance reads
// it every second, so a change made on one instance reaches all of them within about a second. The
// instance that made the change also learns it at once (noteLocalChange), so its own next request
// already shows it. Anything cached from rendered pages is keyed by `current()`, never kept across a change.
// Framework-free: the server entry and the Next.js app share one watcher through globalThis.

export type VersionReader = () => Promise<string>;

export type ContentVersionWatcher = {
  /** The key rendered pages are cached under; changes whenever the course may have changed. */
  current: () => string;
  /** Reads the database's version now (also done every interval). */
  refresh(): Promise<void>;
  /** This process just changed the course: stop serving anything cached before the change, now. */
  noteLocalChange(): void;
  stop(): void;
};

export function createContentVersionWatcher(read: VersionReader, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): ContentVersionWatcher {
  let database = "unread";
  let local = 0;
  let failures = 0;
  const refresh = async () => {
    try {
      database = await read();
      failures = 0;
    } catch (error) {
      // Serving on from a stale version could hide a withdrawal: when the database cannot be read, act as
      // if every read were a change, so nothing cached is served until it answers again.
      failures++;
      database = `unreadable-${failures}`;
      options.onError?.(error);
    }
  };
  const timer = setInterval(() => void refresh(), options.intervalMs ?? 1000);
  timer.unref();
  return {
    current: () => `${database}+${local}`,
    refresh,
    noteLocalChange: () => void local++,
    stop: () => clearInterval(timer),
  };
}

const WATCHER = Symbol.for("alignment-foundations.content-version");
type WithWatcher = { [WATCHER]?: ContentVersionWatcher };

/** The process's watcher, when the server entry installed one (not under `next dev` or plain `next start`). */
export function installedWatcher(): ContentVersionWatcher | undefined {
  return (globalThis as WithWatcher)[WATCHER];
}

export function installWatcher(watcher: ContentVersionWatcher): void {
  (globalThis as WithWatcher)[WATCHER] = watcher;
}
