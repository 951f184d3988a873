import { requireTaughtClass } from "@/lib/classes/access";
import { CSV_FORMATS, gradebookCsv, gradebookFileName, type CsvFormat } from "@/lib/classes/gradebook-csv";
import { loadClassGradebook } from "@/lib/classes/gradebook-data";
import { HttpError, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/classes/<id>/gradebook?format=spreadsheet|moodle|canvas: the class gradebook as CSV (docs/teaching.md).
export const GET = jsonRoute<"instructor", undefined, { classId: string }>({
  access: "instructor",
  async handler({ user, params, request }) {
    const taught = await requireTaughtClass(user, params.classId);
    const format = new URL(request.url).searchParams.get("format") ?? "spreadsheet";
    if (!(CSV_FORMATS as readonly string[]).includes(format)) {
      throw new HttpError(400, `Choose a format: ${CSV_FORMATS.join(", ")}.`, { format: "unknown" });
    }
    const book = await loadClassGradebook(taught.record);
    return new Response(gradebookCsv(book, format as CsvFormat, taught.record.name), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${gradebookFileName(taught.record.name, format as CsvFormat)}"`,
        "cache-control": "no-store",
      },
    });
  },
});
