import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startRequestLog, type RequestLog } from "./request-log";

// A hostile learner in the sandbox's property editor. The page is loaded through a logging proxy, so
// "no request" is checked where it matters: at the server. Each attack gets a unique canary URL on the
// app's own origin (where the learner's cookies would go) and must never reach the server; floods and
// tricks against the time limit must leave the page responsive and end the run.
const PAGE = "/sandbox/conformal";

let log: RequestLog;
let shared: Page | null = null;
test.beforeAll(async ({ baseURL }) => {
  log = await startRequestLog(baseURL!);
});
test.afterAll(async () => {
  await shared?.close();
  await log.close();
});

/** One sandbox page for the whole file (the machine is slow and the page is heavy); a test that leaves
 *  it broken makes the next test open a fresh one. */
async function sandboxPage(browser: Browser): Promise<Page> {
  if (shared && !shared.isClosed() && (await shared.getByTestId("property-run").isEnabled())) return shared;
  await shared?.close();
  shared = await browser.newPage();
  await shared.addInitScript(countPageMessages);
  await openEditor(shared);
  return shared;
}

/** Runs the attack once while loading, then returns a harmless property. Overwriting postMessage keeps
 *  a naive runner's worker alive (its result is swallowed), so any request it let out has time to leave. */
function hostileProperty(attack: string): string {
  return `(() => {
  try { ${attack} } catch (error) {}
  try { self.postMessage = () => {}; } catch (error) {}
  return (f, x) => 0;
})()`;
}

async function openEditor(page: Page) {
  await page.goto(`${log.origin}${PAGE}`);
  const editor = page.getByTestId("property-editor");
  await expect(editor.getByTestId("property-run")).toBeEnabled();
  await expect(page.getByTestId("compute-status")).toHaveAttribute("data-computing", "false", { timeout: 90_000 });
  return editor;
}

async function runProperty(page: Page, code: string) {
  const editor = page.getByTestId("property-editor");
  const status = editor.getByTestId("property-status");
  await editor.getByTestId("property-code").fill(code);
  const before = (await status.textContent()) ?? "";
  await editor.getByTestId("property-run").click();
  // The run started: "Running…", or already its outcome, when it ends before a poll sees it running.
  await expect(status).not.toHaveText(before);
  // The run ends one way or another (here: the time limit, at the latest).
  await expect(editor.getByTestId("property-run")).toHaveText("Run my property", { timeout: 20_000 });
}

const attacks: { name: string; code: (url: string) => string }[] = [
  { name: "dynamic import() of a same-origin URL", code: (url) => `import(${url}).catch(() => {});` },
  { name: "a nested Worker from a same-origin URL", code: (url) => `new Worker(${url});` },
  { name: "a nested module Worker from a same-origin URL", code: (url) => `new Worker(${url}, { type: "module" });` },
  { name: "importScripts (also from the prototype chain)", code: (url) => `(self.importScripts ?? Object.getPrototypeOf(Object.getPrototypeOf(self)).importScripts).call(self, ${url});` },
  { name: "fetch", code: (url) => `fetch(${url}, { credentials: "include" }).catch(() => {});` },
  {
    name: "fetch from the prototype chain",
    code: (url) => `let scope = self; while (scope && !Object.prototype.hasOwnProperty.call(scope, "fetch")) scope = Object.getPrototypeOf(scope);
    scope.fetch.call(self, ${url}).catch(() => {});`,
  },
  { name: "fetch by a computed name", code: (url) => `globalThis["fe" + "tch"](${url}).catch(() => {});` },
  { name: "XMLHttpRequest", code: (url) => `const request = new XMLHttpRequest(); request.open("GET", ${url}); request.send();` },
  { name: "WebSocket", code: (url) => `new WebSocket(${url}.replace(/^http/, "ws"));` },
  { name: "EventSource", code: (url) => `new EventSource(${url});` },
  { name: "navigator.sendBeacon", code: (url) => `navigator.sendBeacon(${url}, "cookie");` },
  {
    name: "dynamic import() of a data: URL that imports the canary",
    code: (url) => `import("data:text/javascript," + encodeURIComponent("import(" + JSON.stringify(${url}) + ")")).catch(() => {});`,
  },
  {
    name: "dynamic import() of a blob: URL that imports the canary",
    code: (url) => `import(URL.createObjectURL(new Blob(["import(" + JSON.stringify(${url}) + ")"], { type: "text/javascript" }))).catch(() => {});`,
  },
  {
    name: "a nested blob: Worker that fetches",
    code: (url) => `new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(${url}) + ")"], { type: "text/javascript" })));`,
  },
];

for (const attack of attacks) {
  test(`learner code cannot reach the network: ${attack.name}`, async ({ browser }) => {
    const page = await sandboxPage(browser);
    const canary = `canary-${randomUUID()}`;
    const url = JSON.stringify(`${log.origin}/api/${canary}`);
    await runProperty(page, hostileProperty(attack.code(url)));
    // Give a stray request time to arrive, then look for it at the server.
    await page.waitForTimeout(1000);
    expect(log.paths().filter((path) => path.includes(canary))).toEqual([]);
    // The log works: the page itself came through it.
    expect(log.paths()).toContain(PAGE);
  });
}

/** Counts message events delivered to listeners on the page's main thread (from workers, frames or
 *  windows): a flood freezes a page by making it run a handler per message, so this is what to bound. */
function countPageMessages() {
  const deliveries = { count: 0 };
  (window as unknown as { pageMessages: typeof deliveries }).pageMessages = deliveries;
  const wrappers = new WeakMap<object, EventListener>();
  const wrap = (listener: EventListenerOrEventListenerObject): EventListener => {
    let wrapped = wrappers.get(listener);
    if (!wrapped) {
      wrapped = function (this: unknown, event: Event) {
        deliveries.count++;
        return typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
      };
      wrappers.set(listener, wrapped);
    }
    return wrapped;
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the originals, called below with .call(this) once the prototype is patched
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    return addEventListener.call(this, type, type === "message" && listener ? wrap(listener) : listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    return removeEventListener.call(this, type, type === "message" && listener ? (wrappers.get(listener) ?? listener) : listener, options);
  };
}

const pageMessages = (page: Page) => page.evaluate(() => (window as unknown as { pageMessages: { count: number } }).pageMessages.count);

// Learner code has no postMessage (the runner takes it away before compiling the code), so a flood
// cannot even start: the attempt fails as a runtime error. The old runner took the learner's messages
// for its own: a fake result was accepted as calibrated scores, a flood ended the run with an empty error.
const postingFloods = [
  { name: "while (true) self.postMessage(...)", code: `(f, x) => { while (true) self.postMessage({ flood: "x".repeat(100) }); }` },
  { name: "while (true) posting fake results", code: `(f, x) => { while (true) self.postMessage({ ok: true, calibration: [1], test: [1] }); }` },
  {
    name: "a flood of { ready: true } from a saved reference to postMessage",
    code: `(() => { const post = (self.postMessage ?? Object.getPrototypeOf(self).postMessage).bind(self); return (f, x) => { while (true) post({ ready: true }); }; })()`,
  },
];

for (const [index, flood] of postingFloods.entries()) {
  test(`a message flood cannot start, and the page stays responsive: ${flood.name}`, async ({ browser }) => {
    const page = await sandboxPage(browser);
    const editor = page.getByTestId("property-editor");
    await editor.getByTestId("property-code").fill(flood.code);
    const before = await pageMessages(page);
    await editor.getByTestId("property-run").click();
    const error = editor.getByTestId("property-error");
    await expect(error).toContainText("Runtime error", { timeout: 20_000 });
    await expect(error).toContainText("TypeError");
    await expect(editor.getByTestId("property-run")).toHaveText("Run my property");
    await page.waitForTimeout(1000); // anything still queued would arrive now
    // A run sends the page two messages (ready, result); a flood would be thousands.
    expect((await pageMessages(page)) - before).toBeLessThanOrEqual(4);
    // The page still works: a new α recalibrates.
    const lambdaHat = (await page.getByTestId("lambda-hat").textContent()) ?? "";
    await page.getByTestId("alpha-slider").fill(String(0.04 + 0.01 * index));
    await expect(page.getByTestId("lambda-hat")).not.toHaveText(lambdaHat, { timeout: 30_000 });
  });
}

test("the time limit cannot be extended by posting { ready: true } from learner code", async ({ browser }) => {
  const page = await sandboxPage(browser);
  const editor = page.getByTestId("property-editor");
  const code = `(() => {
  const post = (self.postMessage ?? Object.getPrototypeOf(self).postMessage).bind(self);
  self.postMessage = () => {};
  setInterval(() => post({ ready: true }), 500);
  return (f, x) => 0;
})()`;
  await editor.getByTestId("property-code").fill(code);
  await editor.getByTestId("property-run").click();
  await expect(editor.getByTestId("property-status")).toContainText("Running");
  // The run ends well within the setup allowance plus the 2 s limit; the old runner was still "Running…" after 10 s.
  await expect(editor.getByTestId("property-error")).toBeVisible({ timeout: 8_000 });
  await expect(editor.getByTestId("property-run")).toHaveText("Run my property");
});

test("the runner frame is served with one policy: an opaque origin that may make no request", async ({ request }) => {
  const response = await request.get("/sandbox/runner");
  expect(response.status()).toBe(200);
  const policies = response.headersArray().filter((header) => header.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  expect(policies[0]!.value).toMatch(/^sandbox allow-scripts; default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}=' 'unsafe-eval'; worker-src blob:;/);
  expect(response.headers()["x-frame-options"]).toBe("SAMEORIGIN");
});
