import { jsonRoute } from "@/lib/http/route";
import { lessonDownload } from "@/lib/studio/download";

export const dynamic = "force-dynamic";

// ?from=draft downloads the draft; by default, the text students are served.
export const GET = jsonRoute<"instructor", undefined, { course: string; lesson: string }>({
  access: "instructor",
  async handler({ request, params }) {
    const from = new URL(request.url).searchParams.get("from") === "draft" ? "draft" : "published";
    const text = await lessonDownload(params.course, params.lesson, from);
    return new Response(text, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${params.lesson}.mdx"`,
        "cache-control": "no-store",
      },
    });
  },
});
