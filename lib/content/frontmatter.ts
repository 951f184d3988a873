// Splits the YAML frontmatter off a lesson and validates it, reporting each problem on the line of its key.
import { visit } from "yaml";
import { createDiagnostic, type ContentDiagnostic, type SourcePoint } from "./diagnostics";
import { lessonFrontmatterSchema, type LessonFrontmatter } from "./schemas";
import { parseLocatedDocument } from "./yaml-locate";
import { issuesToDiagnostics } from "./zod-issues";

export type FrontmatterBlock = {
  yaml: string;
  /** File line of the first YAML line (the line after the opening ---). */
  firstLine: number;
};

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

export function splitFrontmatter(source: string): FrontmatterBlock | null {
  const match = FRONTMATTER.exec(source);
  if (!match || match.index !== 0) return null;
  return { yaml: match[1] ?? "", firstLine: 2 };
}

export type FrontmatterResult = {
  frontmatter: LessonFrontmatter | null;
  diagnostics: ContentDiagnostic[];
  /** File position of a frontmatter key, for later diagnostics about it. */
  locate: (dataPath: ReadonlyArray<PropertyKey>) => SourcePoint;
};

const firstLine = (): SourcePoint => ({ line: 1, column: 1 });

function firstAlias(located: ReturnType<typeof parseLocatedDocument>): { name: string; at: SourcePoint } | null {
  let found: { name: string; offset: number } | null = null;
  visit(located.document, {
    Alias(_key, node) {
      found = { name: node.source, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  const alias = found as { name: string; offset: number } | null;
  return alias ? { name: alias.name, at: located.pointAt(alias.offset) } : null;
}

/** `expectedSlug` is the file name without .mdx; the frontmatter slug must equal it. */
export function parseLessonFrontmatter(source: string, file: string, expectedSlug?: string): FrontmatterResult {
  const block = splitFrontmatter(source);
  if (!block) {
    return { frontmatter: null, locate: firstLine, diagnostics: [createDiagnostic(file, { line: 1, column: 1 }, "missing frontmatter: a lesson starts with a --- block holding title, slug, summary, estimatedMinutes and objectives")] };
  }
  const located = parseLocatedDocument(block.yaml, block.firstLine);
  if (located.errors.length > 0) {
    return { frontmatter: null, locate: firstLine, diagnostics: located.errors.map((error) => createDiagnostic(file, error, `frontmatter: ${error.message}`)) };
  }
  // Frontmatter has no use for aliases, and a few nested ones expand exponentially (an alias bomb):
  // refuse them where they are written; maxAliasCount 0 makes toJS refuse any that slipped past.
  const alias = firstAlias(located);
  if (alias) return { frontmatter: null, locate: firstLine, diagnostics: [createDiagnostic(file, alias.at, `frontmatter: YAML aliases (*${alias.name}) are not allowed; write the value out`)] };
  let data: unknown;
  try {
    data = located.document.toJS({ maxAliasCount: 0 }) ?? {};
  } catch (error) {
    return { frontmatter: null, locate: firstLine, diagnostics: [createDiagnostic(file, { line: block.firstLine, column: 1 }, `frontmatter: ${(error as Error).message}`)] };
  }
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    return { frontmatter: null, locate: located.locate, diagnostics: issuesToDiagnostics(file, parsed.error.issues, located, "frontmatter", data) };
  }
  if (expectedSlug !== undefined && parsed.data.slug !== expectedSlug) {
    return {
      frontmatter: null,
      locate: located.locate,
      diagnostics: [createDiagnostic(file, located.locate(["slug"]), `frontmatter: slug "${parsed.data.slug}" must equal the file name "${expectedSlug}"`)],
    };
  }
  return { frontmatter: parsed.data, locate: located.locate, diagnostics: [] };
}
