// The site-wide search index, built when content compiles. Browser-safe: the search page loads the
// JSON with MiniSearch.loadJSON(json, SEARCH_INDEX_OPTIONS), which must match the options used here.
import MiniSearch, { type Options } from "minisearch";
import type { CompiledLesson } from "./types";

export type SearchDocument = {
  id: string;
  courseSlug: string;
  slug: string;
  title: string;
  summary: string;
  headings: string;
  body: string;
};

export type SearchResultFields = Pick<SearchDocument, "courseSlug" | "slug" | "title" | "summary">;

export const SEARCH_INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ["title", "headings", "body"],
  storeFields: ["courseSlug", "slug", "title", "summary"],
  searchOptions: { boost: { title: 3, headings: 2 }, prefix: true, fuzzy: 0.2 },
};

export function toSearchDocument(lesson: CompiledLesson): SearchDocument {
  return {
    id: `${lesson.courseSlug}/${lesson.slug}`,
    courseSlug: lesson.courseSlug,
    slug: lesson.slug,
    title: lesson.frontmatter.title,
    summary: lesson.frontmatter.summary,
    headings: lesson.toc.map((entry) => entry.text).join(" \n"),
    body: lesson.searchText,
  };
}

/** Returns the JSON text to store; load it with loadSearchIndex. `more` adds other pages' documents (the glossary's). */
export function buildSearchIndex(lessons: readonly CompiledLesson[], more: readonly SearchDocument[] = []): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll([...lessons.map(toSearchDocument), ...more]);
  return JSON.stringify(index);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, SEARCH_INDEX_OPTIONS);
}
