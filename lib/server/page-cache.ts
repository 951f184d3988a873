// The lesson fast path: course pages (/, /courses/<course>, /courses/<course>/<lesson>) are the same bytes
// for every reader, since personal state loads in the browser afterwards (docs/decisions/0003). So an
// instance renders each page once per content version through Next.js, keeps the HTML in memory already
// compressed (brotli and gzip, made once per ETag on the thread pool, never per request), and answers
// browsers' document requests from memory ahead of the renderer, with conditional GETs (ETag → 304).
// Only 200 text/html responses without cookies are kept: a 404 or an error is never cached, so unknown
// slugs cannot fill memory or disk. Everything else (RSC navigations, queries, other methods, other paths)
// goes to Next.js untouched. Framework-free: the server entry (scripts/serve.ts) plugs it in.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type RenderedPage = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
export type PageRenderer = (path: string) => Promise<RenderedPage>;

/** One encoding of a page, with its whole header block precomputed (a flat [name, value, …] list). */
type Variant = { body: Buffer; etag: string; headers200: string[]; headers304: string[] };
type Headers = Array<[string, string]>;
type CachedPage = { version: string; headers: Headers; identity: Variant; br: Variant; gzip: Variant };
/** A render that must not be kept (a 404, an error, a redirect): sent as it came, to the requests that waited for it. */
type Uncacheable = { status: number; headers: Headers; body: Buffer };

export type PageCacheOptions = {
  render: PageRenderer;
  /** The content version (lib/server/content-version.ts): a cached page is served only under the version it was rendered at. */
  version: () => string;
  /** Most pages kept at once (one entry per path, the newest version only). */
  maxEntries?: number;
};

/** Shared caches (a CDN) may reuse a page for 5 s, then must ask again; browsers always revalidate (ETag). */
export const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=5, must-revalidate";

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
const CACHEABLE_PATH = new RegExp(`^/(?:courses/${SLUG}(?:/${SLUG})?)?$`);
/** Headers with which the App Router asks for an RSC payload instead of a document. */
const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
/** Response headers that describe one response (or are set here), not the page. */
const DROPPED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "cache-control", "vary", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time", "x-powered-by"]);

export function isCacheableRequest(request: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (!request.url || !CACHEABLE_PATH.test(request.url)) return false; // also refuses any query string
  return !RSC_HEADERS.some((name) => request.headers[name] !== undefined);
}

/** The best encoding the client accepts among br, gzip and identity (q=0 refuses one). */
export function negotiateEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (allows("br")) return "br";
  if (allows("gzip")) return "gzip";
  return "identity";
}

function matchesEtag(ifNoneMatch: string | undefined, page: CachedPage): boolean {
  if (!ifNoneMatch) return false;
  const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return tags.includes("*") || [page.identity, page.br, page.gzip].some((variant) => tags.includes(variant.etag));
}

function keptHeaders(rendered: RenderedPage, drop: ReadonlySet<string>): Headers {
  const headers: Headers = [];
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (value === undefined || drop.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
  }
  return headers;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

async function toCachedPage(version: string, rendered: RenderedPage): Promise<CachedPage | Uncacheable> {
  const type = String(rendered.headers["content-type"] ?? "");
  if (rendered.status !== 200 || !type.startsWith("text/html") || rendered.headers["set-cookie"] !== undefined) {
    return { status: rendered.status, headers: keptHeaders(rendered, HOP_BY_HOP), body: rendered.body };
  }
  const headers = keptHeaders(rendered, DROPPED);
  const hash = createHash("sha256").update(rendered.body).digest("base64url").slice(0, 27);
  const [br, gz] = await Promise.all([
    brotli(rendered.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: rendered.body.length } }),
    gzipAsync(rendered.body, { level: 9 }),
  ]);
  const variant = (body: Buffer, etag: string, encoding: string | null): Variant => {
    const common = [...headers.flat(), "cache-control", PAGE_CACHE_CONTROL, "vary", "Accept-Encoding", "etag", etag];
    return { body, etag, headers304: common, headers200: [...common, ...(encoding ? ["content-encoding", encoding] : []), "content-length", String(body.length)] };
  };
  return { version, headers, identity: variant(rendered.body, `"${hash}"`, null), br: variant(br, `"${hash}-br"`, "br"), gzip: variant(gz, `"${hash}-gz"`, "gzip") };
}

/** Browsers send a handful of distinct Accept-Encoding values: decide each once. */
const negotiated = new Map<string, "br" | "gzip" | "identity">();
function encodingFor(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const key = acceptEncoding ?? "";
  let encoding = negotiated.get(key);
  if (!encoding) {
    encoding = negotiateEncoding(acceptEncoding);
    if (negotiated.size < 256) negotiated.set(key, encoding);
  }
  return encoding;
}

export type PageCache = {
  /**
   * Answers from memory and returns true, or returns false for the caller to hand the request to Next.js.
   * A page held for the current version is sent synchronously; a page being rendered gives a promise.
   */
  handle(request: IncomingMessage, response: ServerResponse): boolean | Promise<boolean>;
  /** How many pages are held (tests and the bench read it). */
  size(): number;
};

export function createPageCache(options: PageCacheOptions): PageCache {
  const pages = new Map<string, CachedPage>();
  const filling = new Map<string, Promise<CachedPage | Uncacheable>>();
  const maxEntries = options.maxEntries ?? 500;

  /** One render per path and version, however many requests arrive while it runs. */
  const fill = (path: string, version: string): Promise<CachedPage | Uncacheable> => {
    const key = `${version}\n${path}`;
    let pending = filling.get(key);
    if (!pending) {
      pending = options
        .render(path)
        .then((rendered) => toCachedPage(version, rendered))
        .then((page) => {
          if ("identity" in page && options.version() === version) {
            pages.delete(path);
            pages.set(path, page);
            if (pages.size > maxEntries) pages.delete(pages.keys().next().value!);
          }
          return page;
        })
        .finally(() => filling.delete(key));
      filling.set(key, pending);
    }
    return pending;
  };

  const send = (request: IncomingMessage, response: ServerResponse, page: CachedPage | Uncacheable): true => {
    if (!("identity" in page)) {
      // Sent once, kept nowhere: no cache headers of ours, Next.js's own (no-store on a 404).
      response.writeHead(page.status, [...page.headers.flat(), "content-length", String(page.body.length)]);
      response.end(request.method === "HEAD" ? undefined : page.body);
      return true;
    }
    const encoding = encodingFor(request.headers["accept-encoding"]);
    const variant = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
    if (matchesEtag(request.headers["if-none-match"], page)) {
      response.writeHead(304, variant.headers304);
      response.end();
      return true;
    }
    response.writeHead(200, variant.headers200);
    response.end(request.method === "HEAD" ? undefined : variant.body);
    return true;
  };

  return {
    size: () => pages.size,
    handle(request, response) {
      if (!isCacheableRequest(request)) return false;
      const path = request.url!;
      const version = options.version();
      const page = pages.get(path);
      if (page?.version === version) return send(request, response, page);
      return fill(path, version).then((filled) => send(request, response, filled));
    },
  };
}
