// Renders a checked glossary (glossary.ts) for its page: markdown and math through the same renderer and
// HTML policy as quiz text, plus one search document per entry so a search finds the entry itself.
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { CourseLayout } from "./course-layout";
import { createDiagnostic, hasErrors, type ContentDiagnostic } from "./diagnostics";
import { checkGlossaryReferences, entryTexts, GLOSSARY_FILE, GLOSSARY_SLUG, type GlossaryEntry, type GlossaryResult } from "./glossary";
import type { LinkTargets } from "./links";
import { renderMarkdownToHtml, type FragmentContext } from "./markdown-html";
import type { SearchDocument } from "./search-index";

type CompiledGlossarySense = { lesson: string; section: string | null; meaningHtml: string };

export type CompiledGlossaryEntry = {
  id: string;
  term: string;
  symbolHtml: string | null;
  definitionHtml: string | null;
  senses: CompiledGlossarySense[];
  see: string[];
  /** Plain text of the definition and meanings, math left out: what search indexes. */
  searchText: string;
};

export type CompiledGlossary = { courseSlug: string; title: string; summary: string; entries: CompiledGlossaryEntry[] };

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

function plainText(markdown: string): string {
  const parts: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === "inlineMath" || node.type === "math" || node.type === "html") return;
    if (node.type === "text" || node.type === "inlineCode") parts.push(node.value);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(markdownParser.parse(markdown));
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

export type GlossaryCompileResult = { glossary: CompiledGlossary | null; diagnostics: ContentDiagnostic[] };

export function compileGlossary(result: GlossaryResult, courseSlug: string): GlossaryCompileResult {
  const { glossary, file, locate } = result;
  if (!glossary) return { glossary: null, diagnostics: [] };
  const diagnostics: ContentDiagnostic[] = [];
  const render = (markdown: string, dataPath: Array<string | number>, inline: boolean) => {
    const context: FragmentContext = { references: new Map(), fallback: locate(dataPath), problems: [] };
    const html = renderMarkdownToHtml(markdown, context, { inline });
    for (const problem of context.problems) diagnostics.push(createDiagnostic(file, problem.at, `${GLOSSARY_FILE}: ${problem.message}`));
    return html;
  };
  const entries = glossary.entries.map((entry: GlossaryEntry, index): CompiledGlossaryEntry => ({
    id: entry.id,
    term: entry.term,
    symbolHtml: entry.symbol ? render(`$${entry.symbol}$`, ["entries", index, "symbol"], true) : null,
    definitionHtml: entry.definition ? render(entry.definition, ["entries", index, "definition"], false) : null,
    senses: (entry.senses ?? []).map((sense, senseIndex) => ({
      lesson: sense.lesson,
      section: sense.section ?? null,
      meaningHtml: render(sense.meaning, ["entries", index, "senses", senseIndex, "meaning"], true),
    })),
    see: entry.see ?? [],
    searchText: entryTexts(entry, index).map(({ markdown }) => plainText(markdown)).join(" "),
  }));
  return { glossary: { courseSlug, title: glossary.title, summary: glossary.summary, entries }, diagnostics };
}

const EXCERPT_LENGTH = 160;

/** One document per entry, at the entry's anchor on the glossary page: a hit opens the glossary at the entry. */
export function glossarySearchDocuments(glossary: CompiledGlossary): SearchDocument[] {
  return glossary.entries.map((entry) => ({
    id: `${glossary.courseSlug}/${GLOSSARY_SLUG}#${entry.id}`,
    courseSlug: glossary.courseSlug,
    slug: GLOSSARY_SLUG,
    anchor: entry.id,
    title: "",
    lessonTitle: glossary.title,
    heading: entry.term,
    excerpt: entry.searchText.length > EXCERPT_LENGTH ? `${entry.searchText.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : entry.searchText,
    body: entry.searchText,
  }));
}

/** The glossary's cross-reference and rendering problems, and its output unless it (or its file) has errors. */
export function glossaryOutput(layout: CourseLayout, courseSlug: string, targets: LinkTargets) {
  if (!layout.glossary) return { compiled: null, failed: false, diagnostics: [] };
  const references = checkGlossaryReferences(layout.glossary, courseSlug, targets);
  const rendered = compileGlossary(layout.glossary, courseSlug);
  const diagnostics = [...references, ...rendered.diagnostics];
  const failed = !layout.glossary.glossary || hasErrors([...layout.glossary.diagnostics, ...diagnostics]);
  return { compiled: failed ? null : rendered.glossary, failed, diagnostics };
}
