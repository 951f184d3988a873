// Parses and validates one lesson without esbuild: frontmatter, components, quizzes, citations,
// math, TOC and links. content:check runs only this; compileLesson runs it before bundling.
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import type { PluggableList } from "unified";
import { unified } from "unified";
import { VFile } from "vfile";
import { createDiagnostic, hasErrors, sortDiagnostics, type ContentDiagnostic } from "./diagnostics";
import { parseLessonFrontmatter } from "./frontmatter";
import { MDX_NODE_TYPES, lessonRehypePlugins, lessonRemarkPlugins } from "./pipeline";
import { referenceAnchorId } from "./citations";
import { DEFAULT_CHOICE_ID_SALT } from "./quiz-ids";
import type { HeadingCollector } from "./rehype-headings";
import { createLessonCollector, type LessonCollector } from "./remark-lesson";
import type { LessonFrontmatter } from "./schemas";
import type { LessonFacts } from "./types";

export type LessonInput = {
  source: string;
  /** Used in diagnostics; an absolute path for files, or a label such as "<preview>". */
  file: string;
  courseSlug: string;
  /** The file name without .mdx; when given, the frontmatter slug must equal it. */
  expectedSlug?: string;
  /** Salt for opaque choice ids; see quiz-ids.ts. */
  salt?: string;
};

export type LessonAnalysis = {
  frontmatter: LessonFrontmatter | null;
  collector: LessonCollector | null;
  headings: HeadingCollector;
  diagnostics: ContentDiagnostic[];
};

type PositionedError = { reason?: string; message: string; name?: string; line?: number | null; column?: number | null };

/** micromark's MDX errors sometimes carry their place only in the reason ("… (10:1-10:22)") or in `name`. */
function syntaxErrorPoint(error: PositionedError): { line: number; column: number } {
  if (error.line) return { line: error.line, column: error.column ?? 1 };
  const match = /\((\d+):(\d+)/.exec(error.reason ?? error.message) ?? /^(\d+):(\d+)/.exec(error.name ?? "");
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 1, column: 1 };
}

export async function analyzeLesson(input: LessonInput): Promise<LessonAnalysis> {
  const headings: HeadingCollector = { toc: [], anchors: [] };
  const { frontmatter, diagnostics, locate } = parseLessonFrontmatter(input.source, input.file, input.expectedSlug);
  const collector = createLessonCollector({
    file: input.file,
    source: input.source,
    courseSlug: input.courseSlug,
    lessonSlug: frontmatter?.slug ?? input.expectedSlug ?? "",
    references: new Map((frontmatter?.references ?? []).map((reference) => [reference.id, reference])),
    salt: input.salt ?? DEFAULT_CHOICE_ID_SALT,
  });
  // remark-lesson extracts each quiz before the rehype plugins run, so the TOC can show the quiz's title.
  headings.quizTitle = (id) => collector.quizzes.find((quiz) => quiz.definition.id === id)?.definition.title;
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter, ["yaml"])
    .use(lessonRemarkPlugins(collector))
    .use([[remarkRehype, { passThrough: MDX_NODE_TYPES } satisfies RemarkRehypeOptions]] satisfies PluggableList)
    .use(lessonRehypePlugins(headings, { highlight: false }));
  const file = new VFile({ path: input.file, value: input.source });
  try {
    const tree = processor.parse(file);
    await processor.run(tree, file);
  } catch (error) {
    const problem = error as PositionedError;
    // A syntax error stops the parse; report it where micromark found it.
    const reason = (problem.reason ?? problem.message).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)$/, "");
    diagnostics.push(createDiagnostic(input.file, syntaxErrorPoint(problem), `MDX syntax error: ${reason}`));
    return { frontmatter, collector: null, headings, diagnostics };
  }
  for (const message of file.messages) {
    const cause = message.cause instanceof Error ? `: ${message.cause.message.split("\n")[0]}` : "";
    diagnostics.push(createDiagnostic(input.file, { line: message.line ?? 1, column: message.column ?? 1 }, `${message.reason}${cause}`));
  }
  diagnostics.push(...collector.diagnostics);
  frontmatter?.references.forEach((reference, index) => {
    if (!collector.citations.includes(reference.id)) {
      diagnostics.push(createDiagnostic(input.file, locate(["references", index, "id"]), `reference "${reference.id}" is never cited with <Cite id="${reference.id}" />`, "warning"));
    }
  });
  return { frontmatter, collector, headings, diagnostics: sortDiagnostics(diagnostics) };
}

export function lessonFacts(analysis: LessonAnalysis, input: LessonInput): LessonFacts | null {
  const { frontmatter, collector, headings } = analysis;
  if (!frontmatter || !collector) return null;
  return {
    file: input.file,
    courseSlug: input.courseSlug,
    slug: frontmatter.slug,
    // The References list gives each entry an anchor too.
    anchors: [...headings.anchors, ...frontmatter.references.map((reference) => referenceAnchorId(reference.id))],
    links: collector.links,
    quizIds: collector.quizzes.map((quiz) => ({ id: quiz.definition.id, ...quiz.at })),
    itemIds: collector.quizzes.flatMap((quiz) => quiz.items.map((item) => ({ id: item.id, ...item.at }))),
  };
}

export function analysisFailed(analysis: LessonAnalysis): boolean {
  return !analysis.frontmatter || !analysis.collector || hasErrors(analysis.diagnostics);
}
