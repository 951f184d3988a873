// The site-wide search index, built when content compiles: one document per section of a lesson, so a hit
// links to the passage that matched. Browser-safe: the search page loads the JSON with
// MiniSearch.loadJSON(json, SEARCH_INDEX_OPTIONS), which must match the options used here.
import MiniSearch, { type Options } from "minisearch";
import type { CompiledLesson, SearchSection } from "./types";

export type SearchDocument = {
  /** course/lesson for the text before the first heading, course/lesson#anchor for a section. */
  id: string;
  courseSlug: string;
  slug: string;
  /** The heading's anchor, "" for the top of the lesson. */
  anchor: string;
  /** Indexed on the top-of-lesson document only, so a title word does not return every section of the lesson. */
  title: string;
  lessonTitle: string;
  heading: string;
  /** What the result shows under its link: the lesson's summary at the top, the section's opening words below. */
  excerpt: string;
  body: string;
};

export type SearchResultFields = Pick<SearchDocument, "courseSlug" | "slug" | "anchor" | "lessonTitle" | "heading" | "excerpt">;

const SEARCH_INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ["title", "heading", "body"],
  storeFields: ["courseSlug", "slug", "anchor", "lessonTitle", "heading", "excerpt"],
  searchOptions: { boost: { title: 3, heading: 2 }, prefix: true, fuzzy: 0.2 },
};

const EXCERPT_CHARACTERS = 160;

function excerpt(text: string): string {
  if (text.length <= EXCERPT_CHARACTERS) return text;
  const cut = text.slice(0, EXCERPT_CHARACTERS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_CHARACTERS / 2))}…`;
}

/** Studio revisions published before search had sections carry the lesson's whole text as `searchText`. */
function sectionsOf(lesson: CompiledLesson & { searchText?: string }): SearchSection[] {
  const sections = lesson.searchSections ?? [{ id: null, heading: null, text: lesson.searchText ?? "" }];
  return sections.length > 0 ? sections : [{ id: null, heading: null, text: "" }];
}

export function toSearchDocuments(lesson: CompiledLesson): SearchDocument[] {
  const lessonId = `${lesson.courseSlug}/${lesson.slug}`;
  const sections = sectionsOf(lesson);
  // Sections whose heading has no anchor (see resolveSearchSections) are folded into the top of the lesson.
  const top = sections.filter((section) => section.id === null).map((section) => [section.heading ?? "", section.text].join(" ").trim());
  const documents: SearchDocument[] = [
    { id: lessonId, courseSlug: lesson.courseSlug, slug: lesson.slug, anchor: "", title: lesson.frontmatter.title, lessonTitle: lesson.frontmatter.title, heading: "", excerpt: lesson.frontmatter.summary, body: top.join(" ") },
  ];
  for (const section of sections) {
    if (section.id === null) continue;
    documents.push({
      id: `${lessonId}#${section.id}`,
      courseSlug: lesson.courseSlug,
      slug: lesson.slug,
      anchor: section.id,
      title: "",
      lessonTitle: lesson.frontmatter.title,
      heading: section.heading ?? "",
      excerpt: excerpt(section.text),
      body: section.text,
    });
  }
  return documents;
}

/** Where a hit leads: the lesson, at the section that matched. */
export function searchResultHref(result: Pick<SearchDocument, "courseSlug" | "slug" | "anchor">): string {
  return `/courses/${result.courseSlug}/${result.slug}${result.anchor ? `#${result.anchor}` : ""}`;
}

/** Returns the JSON text to store; load it with loadSearchIndex. `more` adds other pages' documents (the glossary's). */
export function buildSearchIndex(lessons: readonly CompiledLesson[], more: readonly SearchDocument[] = []): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll([...lessons.flatMap(toSearchDocuments), ...more]);
  return JSON.stringify(index);
}

export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, SEARCH_INDEX_OPTIONS);
}
