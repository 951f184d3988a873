// The CSV export: a plain GET form, so it works without JavaScript and the browser saves the file.
const FORMATS = [
  { value: "spreadsheet", label: "Spreadsheet (Excel, Sheets, LibreOffice)" },
  { value: "moodle", label: "Moodle grade import" },
  { value: "canvas", label: "Canvas gradebook import" },
];

export function GradebookDownload({ classId }: { classId: string }) {
  return (
    <form method="get" action={`/api/classes/${classId}/gradebook`} className="flex items-end gap-2">
      <label className="text-sm">
        <span className="block font-medium">Gradebook CSV for</span>
        <select name="format" className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900">
          {FORMATS.map((format) => (
            <option key={format.value} value={format.value}>
              {format.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
        Download CSV
      </button>
    </form>
  );
}
