// Renders small pieces of lesson markdown (quiz prompts, choice labels, feedback, explanations)
// to HTML strings at compile time, with KaTeX math and author-year citations.
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Root as MdastRoot, Paragraph, PhrasingContent, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toHast, type Handler, type State } from "mdast-util-to-hast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { sanitizeHtmlTree } from "../security/html-policy";
import { checkSafeMdxNodes } from "../studio/safe-mdx";
import { authorYearLabel, referenceAnchorId } from "./citations";
import { pointOf, type SourcePoint } from "./diagnostics";
import { readAttributes } from "./jsx-attributes";
import { MATH_PLUGINS } from "./rehype-display-math";
import type { Reference } from "./schemas";

type FragmentProblem = { at: SourcePoint; message: string };

export type FragmentContext = {
  references: ReadonlyMap<string, Reference>;
  /** Where problems in attribute text (which has no positions of its own) are reported. */
  fallback: SourcePoint;
  problems: FragmentProblem[];
};

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const mathRenderer = unified().use(MATH_PLUGINS);

function jsxHandler(context: FragmentContext): Handler {
  return (state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element | ElementContent[] | undefined => {
    const name = node.name ?? "";
    if (name === "Cite") {
      const id = readAttributes(node).find((attribute) => attribute.name === "id")?.value;
      const reference = id?.kind === "string" ? context.references.get(id.value) : undefined;
      // Unknown ids are reported by the lesson-wide citation check.
      if (!reference || id?.kind !== "string") return [];
      return {
        type: "element",
        tagName: "a",
        properties: { href: `#${referenceAnchorId(id.value)}`, className: ["citation"] },
        children: [{ type: "text", value: `(${authorYearLabel(reference)})` }],
      };
    }
    if (/^[a-z]/.test(name)) {
      const properties: Record<string, string | number | boolean> = {};
      for (const attribute of readAttributes(node)) {
        if (attribute.value.kind !== "expression") properties[attribute.name] = attribute.value.value;
      }
      return { type: "element", tagName: name, properties, children: state.all(node) };
    }
    context.problems.push({ at: pointOf(node, context.fallback), message: `<${name}> cannot be used inside a quiz; only markdown, math and <Cite> can` });
    return [];
  };
}

const BLOCK_TYPES = new Set(["paragraph", "heading", "list", "code", "blockquote", "table", "math", "thematicBreak", "html", "mdxJsxFlowElement", "mdxFlowExpression"]);

function render(root: MdastRoot, context: FragmentContext, inline: boolean): string {
  const handler = jsxHandler(context);
  const options = { handlers: { mdxJsxFlowElement: handler, mdxJsxTextElement: handler, mdxFlowExpression: () => undefined, mdxTextExpression: () => undefined } };
  const only = root.children.length === 1 ? root.children[0] : undefined;
  let hast: HastRoot;
  if (inline && (only?.type === "paragraph" || root.children.every((child) => !BLOCK_TYPES.has(child.type)))) {
    // Phrasing content renders without a <p>, so labels and prompts fit inside <label> and <legend>.
    const paragraph: Paragraph = only?.type === "paragraph" ? only : { type: "paragraph", children: root.children as PhrasingContent[] };
    const element = toHast(paragraph, options) as Element;
    hast = { type: "root", children: element.children };
  } else {
    hast = toHast(root, options) as HastRoot;
  }
  const file = new VFile();
  const rendered = mathRenderer.runSync(hast, file) as HastRoot;
  for (const message of file.messages) {
    const cause = message.cause instanceof Error ? `: ${message.cause.message}` : "";
    context.problems.push({ at: message.place && "line" in message.place ? { line: message.place.line, column: message.place.column } : context.fallback, message: `${message.reason}${cause}` });
  }
  // The one HTML policy (lib/security/html-policy.ts): whatever the author wrote, only allowlisted markup is stored.
  return toHtml(sanitizeHtmlTree(rendered)).trim();
}

/** The studio's safe-MDX rules (no raw HTML, handlers, expressions or dangerous URLs) over quiz text. */
function checkSafe(nodes: readonly (MdastRoot | RootContent)[], context: FragmentContext, at: (problem: SourcePoint) => SourcePoint) {
  for (const problem of checkSafeMdxNodes(nodes)) context.problems.push({ at: at(problem), message: `quiz text: ${problem.message}` });
}

/** Renders mdast nodes taken from the lesson (choice labels, explanations). */
export function renderNodesToHtml(nodes: RootContent[], context: FragmentContext, options: { inline: boolean }): string {
  checkSafe(nodes, context, (problem) => problem);
  return render({ type: "root", children: nodes }, context, options.inline);
}

/** Renders markdown written in an attribute (question, statement, feedback). */
export function renderMarkdownToHtml(markdown: string, context: FragmentContext, options: { inline: boolean }): string {
  const tree = markdownParser.parse(markdown);
  const transformed = markdownParser.runSync(tree) as MdastRoot;
  checkSafe([transformed], context, () => context.fallback);
  // Positions inside attribute text are relative to the attribute, so report at the attribute.
  const local: FragmentContext = { ...context, problems: [] };
  const html = render(transformed, local, options.inline);
  for (const problem of local.problems) context.problems.push({ at: context.fallback, message: problem.message });
  return html;
}
