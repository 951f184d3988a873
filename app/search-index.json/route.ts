import { readSearchIndex } from "@/lib/content/compiled-store";

// Built with the course; served as a static file the search page loads on demand.
export const dynamic = "force-static";

export async function GET() {
  const index = await readSearchIndex();
  if (!index) return Response.json({ error: "The search index has not been built; run `npm run content:build`." }, { status: 503 });
  return new Response(index, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}
