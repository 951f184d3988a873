import { searchIndexFile } from "@/lib/course/search";

// Follows the studio (a published lesson appears, a hidden one disappears), so it is built on demand and
// revalidated with an ETag: an unchanged index costs the browser a 304.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const index = await searchIndexFile();
  if (!index) return Response.json({ error: "The search index has not been built; run `npm run content:build`." }, { status: 503 });
  const headers = { etag: index.etag, "cache-control": "no-cache" };
  if (request.headers.get("if-none-match") === index.etag) return new Response(null, { status: 304, headers });
  return new Response(index.json, { headers: { ...headers, "content-type": "application/json" } });
}
