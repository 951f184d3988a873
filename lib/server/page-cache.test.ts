import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, isCacheableRequest, negotiateEncoding, PAGE_CACHE_CONTROL, type PageCache, type RenderedPage } from "./page-cache";

const LESSON = "/courses/alignment-foundations/why-fitting-data-is-not-enough";
const html = (text: string): RenderedPage => ({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'self'", "cache-control": "s-maxage=31536000" }, body: Buffer.from(`<!DOCTYPE html><p>${text}</p>`) });
const notFound: RenderedPage = { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }, body: Buffer.from("<p>Not found</p>") };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves `cache` on a real socket; requests it does not take get a 599 so a test sees the fall-through. */
async function serve(cache: PageCache) {
  server = createServer((req, res) => {
    void Promise.resolve(cache.handle(req, res)).then((handled) => {
      if (!handled) res.writeHead(599).end("next.js");
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
}

describe("which requests the page cache answers", () => {
  const get = (url: string, headers: Record<string, string> = {}, method = "GET") => isCacheableRequest({ url, method, headers });
  it("takes documents of /, a course and a lesson", () => {
    expect(get("/")).toBe(true);
    expect(get("/courses/alignment-foundations")).toBe(true);
    expect(get(LESSON)).toBe(true);
    expect(get(LESSON, {}, "HEAD")).toBe(true);
  });
  it("leaves RSC navigations, queries, other methods and other paths to Next.js", () => {
    expect(get(LESSON, { rsc: "1" })).toBe(false);
    expect(get(LESSON, { "next-router-prefetch": "1" })).toBe(false);
    expect(get(`${LESSON}?_rsc=abc`)).toBe(false);
    expect(get(LESSON, {}, "POST")).toBe(false);
    expect(get("/api/health")).toBe(false);
    expect(get("/studio")).toBe(false);
    expect(get("/courses/a/b/c")).toBe(false);
    expect(get("/courses/Upper")).toBe(false);
    expect(get("/courses/a%2Fb")).toBe(false);
  });
});

describe("negotiateEncoding", () => {
  it("prefers br, then gzip, as browsers list them", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding(undefined)).toBe("identity");
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("identity")).toBe("identity");
  });
});

describe("createPageCache", () => {
  it("renders a page once per content version and answers from memory, compressed, with revalidation headers", async () => {
    let version = "v1";
    let renders = 0;
    const cache = createPageCache({ version: () => version, render: () => Promise.resolve(html(`render ${++renders}`)) });
    const fetch = await serve(cache);
    const first = await fetch(LESSON, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(first.body).toString()).toContain("render 1");
    expect(first.headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
    expect(first.headers["vary"]).toBe("Accept-Encoding");
    expect(first.headers["content-security-policy"]).toBe("default-src 'self'");
    const gzip = await fetch(LESSON, { "accept-encoding": "gzip" });
    expect(gunzipSync(gzip.body).toString()).toContain("render 1");
    const plain = await fetch(LESSON);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("render 1");
    expect(renders).toBe(1);
    expect(cache.size()).toBe(1);

    version = "v2";
    const changed = await fetch(LESSON, { "accept-encoding": "gzip" });
    expect(gunzipSync(changed.body).toString()).toContain("render 2");
    expect(changed.headers.etag).not.toBe(gzip.headers.etag);
    expect(cache.size()).toBe(1);
  });

  it("answers If-None-Match with 304 until the page changes, and HEAD without a body", async () => {
    let version = "v1";
    let renders = 0;
    const fetch = await serve(createPageCache({ version: () => version, render: () => Promise.resolve(html(`render ${++renders}`)) }));
    const first = await fetch(LESSON, { "accept-encoding": "br" });
    const again = await fetch(LESSON, { "accept-encoding": "br", "if-none-match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await fetch(LESSON, { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(first.body.length);
    version = "v2";
    expect((await fetch(LESSON, { "accept-encoding": "br", "if-none-match": first.headers.etag! })).status).toBe(200);
  });

  it("never keeps a 404: each unknown slug is rendered, sent as Next.js sent it, and forgotten", async () => {
    let renders = 0;
    const cache = createPageCache({ version: () => "v1", render: () => Promise.resolve((renders++, notFound)) });
    const fetch = await serve(cache);
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`/courses/alignment-foundations/no-such-lesson-${i}`, { "accept-encoding": "br" });
      expect(response.status).toBe(404);
      expect(response.headers["cache-control"]).toContain("no-store");
      expect(response.body.toString()).toContain("Not found");
    }
    expect(renders).toBe(20);
    expect(cache.size()).toBe(0);
  });

  it("does not keep a page that sets a cookie or is not HTML", async () => {
    const pages: RenderedPage[] = [{ ...html("x"), headers: { ...html("x").headers, "set-cookie": "a=b" } }, { ...html("x"), headers: { "content-type": "application/json" } }];
    const cache = createPageCache({ version: () => "v1", render: () => Promise.resolve(pages.shift()!) });
    const fetch = await serve(cache);
    expect((await fetch("/")).headers["set-cookie"]).toEqual(["a=b"]);
    await fetch("/courses/x");
    expect(cache.size()).toBe(0);
  });

  it("renders once for a burst of concurrent requests", async () => {
    let renders = 0;
    const cache = createPageCache({ version: () => "v1", render: async () => (renders++, await new Promise((resolve) => setTimeout(resolve, 50)), html("slow")) });
    const fetch = await serve(cache);
    const responses = await Promise.all(Array.from({ length: 20 }, () => fetch(LESSON, { "accept-encoding": "gzip" })));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(renders).toBe(1);
  });

  it("does not keep a render that finished after the content changed", async () => {
    let version = "v1";
    let renders = 0;
    const cache = createPageCache({
      version: () => version,
      render: () => {
        const text = `render ${++renders}`;
        version = "v2"; // a publish lands while this render runs
        return Promise.resolve(html(text));
      },
    });
    const fetch = await serve(cache);
    await fetch(LESSON);
    expect(cache.size()).toBe(0);
    expect((await fetch(LESSON)).body.toString()).toContain("render 2");
  });

  it("falls through to Next.js for what it does not take", async () => {
    const fetch = await serve(createPageCache({ version: () => "v1", render: () => Promise.resolve(html("x")) }));
    expect((await fetch(LESSON, { rsc: "1" })).status).toBe(599);
    expect((await fetch("/api/health")).status).toBe(599);
  });
});
