// A course's glossary and notation page: content/courses/<course>/glossary.yaml. It is read and checked like
// course.json (every problem at its line and column), its cross-references are checked against the course's
// lessons and headings, and glossary-compile.ts renders it for /courses/<course>/glossary.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { z } from "zod";
import { createDiagnostic, type ContentDiagnostic, type SourcePoint } from "./diagnostics";
import { checkInternalLink, type LinkTargets } from "./links";
import { GLOSSARY_SLUG, SLUG_PATTERN } from "./schemas";
import type { LessonFacts } from "./types";
import { parseLocatedDocument } from "./yaml-locate";
import { issuesToDiagnostics } from "./zod-issues";

export const GLOSSARY_FILE = "glossary.yaml";
export { GLOSSARY_SLUG };

const text = z.string().trim().min(1, "must not be empty");
const slug = z.string().regex(SLUG_PATTERN, "must be lowercase words joined by hyphens, e.g. split-conformal-prediction");

const senseSchema = z.strictObject({
  /** The lesson in which the symbol or term has this meaning. */
  lesson: slug,
  /** A heading id in that lesson, where the meaning is introduced. */
  section: z.string().regex(/^[^\s#]+$/, "must be a heading id without #, e.g. the-choice-rule").optional(),
  meaning: text,
});

const entrySchema = z
  .strictObject({
    id: slug,
    /** The name, in plain text: what search matches and what the heading says. */
    term: text,
    /** For a symbol: its TeX, shown before the name, e.g. '\alpha'. */
    symbol: text.optional(),
    definition: text.optional(),
    senses: z.array(senseSchema).min(1, "list at least one sense, or leave senses out").optional(),
    see: z.array(slug).optional(),
  })
  .refine((entry) => entry.definition !== undefined || entry.senses !== undefined, { message: "needs a definition, senses, or both" });

const glossarySchema = z
  .strictObject({ title: text, summary: text, entries: z.array(entrySchema).min(1, "list at least one entry") })
  .superRefine((glossary, context) => {
    const seen = new Set<string>();
    glossary.entries.forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: "custom", path: ["entries", index, "id"], message: `duplicate entry id "${entry.id}"` });
      seen.add(entry.id);
    });
  });

export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryEntry = Glossary["entries"][number];

export type GlossaryResult = {
  file: string;
  glossary: Glossary | null;
  diagnostics: ContentDiagnostic[];
  locate: (dataPath: ReadonlyArray<PropertyKey>) => SourcePoint;
};

/** null when the course has no glossary.yaml. */
export async function readGlossary(courseDir: string): Promise<GlossaryResult | null> {
  const file = path.join(path.resolve(courseDir), GLOSSARY_FILE);
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch {
    return null;
  }
  return parseGlossary(source, file);
}

export function parseGlossary(source: string, file: string): GlossaryResult {
  const located = parseLocatedDocument(source);
  const result = { file, glossary: null, locate: (dataPath: ReadonlyArray<PropertyKey>) => located.locate(dataPath) };
  if (located.errors.length > 0) {
    return { ...result, diagnostics: located.errors.map((error) => createDiagnostic(file, error, `glossary.yaml is not valid YAML: ${error.message}`)) };
  }
  const data: unknown = located.document.toJS();
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) return { ...result, diagnostics: issuesToDiagnostics(file, parsed.error.issues, located, GLOSSARY_FILE, data) };
  return { ...result, glossary: parsed.data, diagnostics: [] };
}

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Every markdown text of an entry with its place in the file: the definition and each sense's meaning. */
export function entryTexts(entry: GlossaryEntry, index: number): Array<{ markdown: string; path: Array<string | number> }> {
  return [
    ...(entry.definition ? [{ markdown: entry.definition, path: ["entries", index, "definition"] }] : []),
    ...(entry.senses ?? []).map((sense, senseIndex) => ({ markdown: sense.meaning, path: ["entries", index, "senses", senseIndex, "meaning"] })),
  ];
}

function linksIn(markdown: string): string[] {
  const hrefs: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === "link") hrefs.push(node.url);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(markdownParser.runSync(markdownParser.parse(markdown)) as Root);
  return hrefs;
}

/** The glossary's anchors: one per entry. */
export function glossaryAnchors(glossary: Glossary): Set<string> {
  return new Set(glossary.entries.map((entry) => entry.id));
}

/** Lessons and headings named by senses, `see` ids, and links written in the text must all exist. */
export function checkGlossaryReferences(result: GlossaryResult, courseSlug: string, targets: LinkTargets): ContentDiagnostic[] {
  const { glossary, file, locate } = result;
  if (!glossary) return [];
  const lessons = targets.get(courseSlug) ?? new Map<string, ReadonlySet<string> | null>();
  const ids = glossaryAnchors(glossary);
  const asPage: LessonFacts = { file, courseSlug, slug: GLOSSARY_SLUG, anchors: [...ids], links: [], quizIds: [], itemIds: [] };
  const diagnostics: ContentDiagnostic[] = [];
  const report = (dataPath: Array<string | number>, message: string) => diagnostics.push(createDiagnostic(file, locate(dataPath), `${GLOSSARY_FILE}: ${message}`));
  glossary.entries.forEach((entry, index) => {
    entry.senses?.forEach((sense, senseIndex) => {
      const at = ["entries", index, "senses", senseIndex];
      if (sense.lesson === GLOSSARY_SLUG || !lessons.has(sense.lesson)) return report([...at, "lesson"], `course "${courseSlug}" has no lesson "${sense.lesson}"`);
      const anchors = lessons.get(sense.lesson);
      if (sense.section && anchors && !anchors.has(sense.section)) report([...at, "section"], `lesson "${sense.lesson}" has no heading with id "${sense.section}"`);
    });
    entry.see?.forEach((id, seeIndex) => {
      if (!ids.has(id)) report(["entries", index, "see", seeIndex], `"see" names no entry "${id}"`);
    });
    for (const { markdown, path: at } of entryTexts(entry, index)) {
      for (const href of linksIn(markdown)) {
        const problem = checkInternalLink(href, asPage, targets);
        if (problem) report(at, problem);
      }
    }
  });
  return diagnostics;
}
