// Every instance serves the same course. Two servers run from two separate copies of the build (as two
// machines would) on one PostgreSQL, with no proxy between them: a studio publish, hide and withdraw made
// on A must reach B within 5 s, and survive a restart and a redeploy (a fresh copy of the build) of either.
// Runs in the PostgreSQL pass only (playwright.config.ts), where several instances are a supported setup.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { type AppCopy, copyBuiltApp } from "@/scripts/reliability/app-copy";
import { type AppServer, startAppServer } from "@/scripts/reliability/app-server";
import { SessionClient } from "@/scripts/reliability/session-client";
import { COURSE, DEMO, LESSONS } from "../support";

const PROPAGATION_LIMIT_MS = 5000;
const FILE_LESSON = LESSONS[0];
const lessonApi = (slug: string) => `/api/studio/courses/${COURSE}/lessons/${slug}`;
const lessonPath = (slug: string) => `/courses/${COURSE}/${slug}`;

function lessonSource(slug: string, title: string, body: string) {
  return `---\ntitle: ${title}\nslug: ${slug}\nsummary: A lesson written in the studio.\nestimatedMinutes: 5\nobjectives:\n  - Check every instance agrees.\n---\n\n${body}\n`;
}

const browserGet = (server: AppServer, path: string) => fetch(server.url + path, { headers: { accept: "text/html", "accept-encoding": "gzip, deflate, br, zstd" } });

/** Polls until `check` holds on the server, returning how long that took; fails after the limit. */
async function within(limitMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > limitMs) throw new Error(`${what}: not seen within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shows = (server: AppServer, path: string, text: string) => async () => {
  const response = await browserGet(server, path);
  return response.status === 200 && (await response.text()).includes(text);
};
const missing = (server: AppServer, path: string) => async () => (await browserGet(server, path)).status === 404;

test("a studio publish, hide and withdraw on one instance reach another within 5 s and survive restarts and redeploys", async () => {
  test.setTimeout(300_000);
  const databaseUrl = process.env.DATABASE_URL ?? "";
  expect(databaseUrl, "several instances share one PostgreSQL: run this spec in the PostgreSQL pass").toMatch(/^postgres/);
  const copies: AppCopy[] = [];
  const servers: AppServer[] = [];
  const start = async () => {
    const copy = copyBuiltApp();
    copies.push(copy);
    const server = await startAppServer({ databaseUrl, cwd: copy.dir, timeoutMs: 120_000 });
    servers.push(server);
    return server;
  };
  try {
    let [a, b] = [await start(), await start()];
    const slug = `coherence-${randomUUID().slice(0, 8)}`;
    const word = `quokka${randomUUID().slice(0, 6)}`;
    // B has rendered (and cached) the course and the file lesson before anything changes.
    for (const path of [`/courses/${COURSE}`, lessonPath(FILE_LESSON), "/"]) expect((await browserGet(b, path)).status).toBe(200);
    expect((await browserGet(b, lessonPath(slug))).status).toBe(404);

    const instructor = new SessionClient(a.url);
    await instructor.signIn(DEMO.instructor.email, DEMO.instructor.password);

    // Publish a new lesson on A.
    expect((await instructor.send("POST", `/api/studio/courses/${COURSE}/lessons`, { json: { slug, title: "Coherence check" } })).status).toBe(201);
    const published = await instructor.send("POST", `${lessonApi(slug)}/publish`, { json: { source: lessonSource(slug, "Coherence check", `The ${word} appears on every instance.`), baseRevisionId: null, draftVersion: 1 } });
    expect(published.status, published.text).toBe(201);
    const publishMs = await within(PROPAGATION_LIMIT_MS, "publish on B", shows(b, lessonPath(slug), word));
    await within(PROPAGATION_LIMIT_MS, "publish listed on B", shows(b, `/courses/${COURSE}`, "Coherence check"));
    await within(PROPAGATION_LIMIT_MS, "publish searchable on B", async () => (await (await fetch(`${b.url}/search-index.json`)).text()).includes(word));

    // Edit a file lesson on A, then withdraw the edit (serve the file again).
    const edited = await instructor.send("POST", `${lessonApi(FILE_LESSON)}/publish`, {
      json: { source: lessonSource(FILE_LESSON, "Why fitting data is not enough", `Edited: the ${word} edit.`), baseRevisionId: null, draftVersion: null },
    });
    expect(edited.status, edited.text).toBe(201);
    await within(PROPAGATION_LIMIT_MS, "edit on B", shows(b, lessonPath(FILE_LESSON), `the ${word} edit`));
    expect((await instructor.send("PATCH", lessonApi(FILE_LESSON), { json: { serveFile: true } })).status).toBe(200);
    const withdrawMs = await within(PROPAGATION_LIMIT_MS, "withdrawal on B", async () => {
      const response = await browserGet(b, lessonPath(FILE_LESSON));
      const html = await response.text();
      return response.status === 200 && !html.includes(`the ${word} edit`) && html.includes("Why fitting data is not enough");
    });

    // Hide the new lesson on A.
    expect((await instructor.send("PATCH", lessonApi(slug), { json: { published: false } })).status).toBe(200);
    const hideMs = await within(PROPAGATION_LIMIT_MS, "hide on B", missing(b, lessonPath(slug)));
    await within(PROPAGATION_LIMIT_MS, "hidden lesson unlisted on B", async () => !(await (await browserGet(b, `/courses/${COURSE}`)).text()).includes("Coherence check"));
    console.log(`coherence: seen on B after publish ${publishMs} ms, withdraw ${withdrawMs} ms, hide ${hideMs} ms`);

    // Show it again, then restart B and redeploy A (a fresh copy of the build): both still agree.
    expect((await instructor.send("PATCH", lessonApi(slug), { json: { published: true } })).status).toBe(200);
    await within(PROPAGATION_LIMIT_MS, "shown again on B", shows(b, lessonPath(slug), word));
    await b.kill();
    b = await startAppServer({ databaseUrl, cwd: copies[1]!.dir, port: b.port, timeoutMs: 120_000 });
    servers.push(b);
    await a.kill();
    a = await start();
    for (const server of [a, b]) {
      expect(await shows(server, lessonPath(slug), word)()).toBe(true);
      const file = await (await browserGet(server, lessonPath(FILE_LESSON))).text();
      expect(file).not.toContain(`the ${word} edit`);
    }

    // A hide made on the redeployed A reaches the restarted B.
    const again = new SessionClient(a.url);
    await again.signIn(DEMO.instructor.email, DEMO.instructor.password);
    expect((await again.send("PATCH", lessonApi(slug), { json: { published: false } })).status).toBe(200);
    await within(PROPAGATION_LIMIT_MS, "hide after restarts on B", missing(b, lessonPath(slug)));
  } finally {
    for (const server of servers) await server.kill();
    for (const copy of copies) copy.remove();
  }
});
