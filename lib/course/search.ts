import "server-only";
// The search index students query: built from what the catalog shows, so a lesson written in the studio
// is found once it is published, and a lesson hidden in the studio is not found at all. The index built
// with the files (.content/public) is the answer whenever the studio has changed nothing; otherwise one is
// built from the visible lessons and kept until the visible set changes.
import { createHash } from "node:crypto";
import { listCompiledCourses, readCompiledGlossary, readSearchIndex } from "@/lib/content/compiled-store";
import { glossarySearchDocuments } from "@/lib/content/glossary-compile";
import { buildSearchIndex } from "@/lib/content/search-index";
import type { CompiledCourse, CompiledLesson } from "@/lib/content/types";
import { getLesson, listCourses } from "./catalog";

export type SearchIndexFile = { json: string; etag: string };

/** What students can see, as a string that changes whenever a searchable lesson does. */
function visibleContentKey(courses: readonly CompiledCourse[]): string {
  return courses.map((course) => `${course.manifest.slug}:${course.lessons.map((lesson) => `${lesson.slug}@${lesson.contentHash}@${lesson.title}`).join(",")}`).join("|");
}

let built: { key: string; file: SearchIndexFile } | null = null;

export async function searchIndexFile(): Promise<SearchIndexFile | null> {
  const [visible, files] = await Promise.all([listCourses(), listCompiledCourses()]);
  const key = visibleContentKey(visible);
  if (built?.key === key) return built.file;
  const etag = `"${createHash("sha256").update(key).digest("hex").slice(0, 32)}"`;
  let json: string | null;
  if (key === visibleContentKey(files)) {
    json = await readSearchIndex();
  } else {
    const lessons = await Promise.all(visible.flatMap((course) => course.lessons.map((lesson) => getLesson(course.manifest.slug, lesson.slug))));
    const glossaries = await Promise.all(visible.map((course) => readCompiledGlossary(course.manifest.slug)));
    json = buildSearchIndex(
      lessons.filter((lesson): lesson is CompiledLesson => lesson !== null),
      glossaries.flatMap((glossary) => (glossary ? glossarySearchDocuments(glossary) : [])),
    );
  }
  if (json === null) return null;
  built = { key, file: { json, etag } };
  return built.file;
}
