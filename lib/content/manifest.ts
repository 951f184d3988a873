// Reads and validates a course's course.json, placing each problem on its key or list entry.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createDiagnostic, hasErrors, type ContentDiagnostic, type SourcePoint } from "./diagnostics";
import { courseManifestSchema, type CourseManifest } from "./schemas";
import { parseLocatedDocument } from "./yaml-locate";
import { issuesToDiagnostics } from "./zod-issues";

export const MANIFEST_FILE = "course.json";

export type ManifestResult = {
  file: string;
  manifest: CourseManifest | null;
  diagnostics: ContentDiagnostic[];
  locate: (dataPath: ReadonlyArray<PropertyKey>) => SourcePoint;
};

export async function readCourseManifest(courseDir: string): Promise<ManifestResult> {
  const file = path.join(path.resolve(courseDir), MANIFEST_FILE);
  const start = (): SourcePoint => ({ line: 1, column: 1 });
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { file, manifest: null, locate: start, diagnostics: [createDiagnostic(file, start(), "course.json is missing")] };
  }
  const located = parseLocatedDocument(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = located.errors[0] ?? start();
    return { file, manifest: null, locate: located.locate, diagnostics: [createDiagnostic(file, at, `course.json is not valid JSON: ${(error as Error).message}`)] };
  }
  const parsed = courseManifestSchema.safeParse(data);
  if (!parsed.success) return { file, manifest: null, locate: located.locate, diagnostics: issuesToDiagnostics(file, parsed.error.issues, located, "course.json", data) };
  const diagnostics: ContentDiagnostic[] = [];
  const directoryName = path.basename(path.dirname(file));
  if (parsed.data.slug !== directoryName) {
    diagnostics.push(createDiagnostic(file, located.locate(["slug"]), `course.json: slug "${parsed.data.slug}" must equal the folder name "${directoryName}"`));
  }
  if (parsed.data.estimatedMinutes !== undefined) {
    diagnostics.push(
      createDiagnostic(file, located.locate(["estimatedMinutes"]), "course.json: estimatedMinutes is not used; the course's time is the sum of its lessons' estimatedMinutes, so remove it", "warning"),
    );
  }
  const seen = new Map<string, number>();
  parsed.data.lessons.forEach((lesson, index) => {
    const first = seen.get(lesson);
    if (first !== undefined) {
      const at = located.locate(["lessons", first]);
      diagnostics.push(createDiagnostic(file, located.locate(["lessons", index]), `course.json: lesson "${lesson}" is listed twice (first at ${at.line}:${at.column})`));
    } else {
      seen.set(lesson, index);
    }
  });
  return { file, manifest: hasErrors(diagnostics) ? null : parsed.data, locate: located.locate, diagnostics };
}
