// The plain text of a lesson for the search index, cut into sections at ## and ### headings so a hit can link
// to the passage: prose, headings, captions and code, never quiz content.
import type { Root, RootContent } from "mdast";
import { stringAttribute } from "./jsx-attributes";
import type { SearchSection, TocEntry } from "./types";

const SKIPPED = new Set(["yaml", "math", "inlineMath", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html", "definition", "footnoteReference"]);

/**
 * One stretch of a lesson: the text before the first heading (heading null), or a ## / ### heading and the
 * text up to the next one. The n-th section with a heading belongs to the n-th heading of the table of
 * contents; compile-lesson pairs them with the ids rehype-slug gives (see resolveSearchSections).
 */
export type SearchSectionDraft = { heading: string | null; text: string };

const tidy = (parts: string[]) => parts.join(" ").replace(/\s+/g, " ").trim();

export function extractSearchSections(tree: Root): SearchSectionDraft[] {
  let current: { heading: string | null; parts: string[] } = { heading: null, parts: [] };
  const sections = [current];
  /** `into` is set while reading a heading's own text; otherwise text goes to the section being read. */
  const visit = (node: Root | RootContent, into?: string[]) => {
    if (SKIPPED.has(node.type)) return;
    if (!into && node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
      const heading: string[] = [];
      for (const child of node.children) visit(child, heading);
      current = { heading: tidy(heading), parts: [] };
      sections.push(current);
      return;
    }
    const parts = into ?? current.parts;
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const element = node;
      // Quizzes stay out of the public index; their content belongs to the server.
      if (element.name === "Quiz") return;
      for (const attribute of ["title", "caption"]) {
        const value = stringAttribute(element, attribute);
        if (value) parts.push(value);
      }
    }
    if ("value" in node && typeof node.value === "string" && (node.type === "text" || node.type === "inlineCode" || node.type === "code")) {
      parts.push(node.value);
    }
    if ("children" in node) for (const child of node.children) visit(child, into);
  };
  visit(tree);
  return sections.map((section) => ({ heading: section.heading, text: tidy(section.parts) }));
}


/**
 * Gives each section the id of its heading: the n-th section with a heading is the n-th heading entry of the
 * table of contents, since both list the ## and ### headings outside quizzes in document order. If they ever
 * disagree (a heading with no text gets no id), sections fall back to the top of the lesson.
 */
export function resolveSearchSections(drafts: readonly SearchSectionDraft[], toc: readonly TocEntry[]): SearchSection[] {
  const ids = toc.filter((entry) => entry.kind !== "quiz").map((entry) => entry.id);
  const headed = drafts.filter((draft) => draft.heading !== null).length;
  let next = 0;
  return drafts.map((draft) => ({
    id: draft.heading === null || headed !== ids.length ? null : ids[next++]!,
    heading: draft.heading,
    text: draft.text,
  }));
}
