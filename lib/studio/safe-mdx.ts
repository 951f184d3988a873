// The gate for MDX typed in the browser. Pure: text in, problems out. It runs before the compiler ever sees
// the text, so a preview or a publish never bundles anything but markdown and the allowlisted components.
// The compiler's own checks (lib/content/remark-lesson.ts) still run afterwards; this adds what a file in
// git could be trusted with but a browser text box cannot: raw <script>/<iframe>, on* handlers and
// javascript: URLs. Every problem names the construct and where it starts.
import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { COMPONENT_RULES, isAllowedComponent } from "@/lib/content/components";
import { readAttributeValue, type JsxElement } from "@/lib/content/jsx-attributes";
import { checkSourceLimits } from "./source-limits";

export type SafeMdxProblem = { line: number; column: number; construct: string; message: string };

/** Lowercase elements that only lay out text. Anything else (script, iframe, form, object, svg, style…) is refused. */
const SAFE_HTML_ELEMENTS = new Set([
  "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
  "dl", "dt", "em", "figcaption", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
  "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
  "thead", "time", "tr", "u", "ul", "var", "wbr",
]);

/** Attributes a safe element may carry. on* handlers, style, srcdoc, formaction and the like are not here. */
const SAFE_HTML_ATTRIBUTES = new Set([
  "href", "title", "alt", "src", "width", "height", "id", "className", "lang", "dir", "colSpan", "rowSpan", "scope",
  "start", "reversed", "open", "dateTime", "cite", "align", "loading", "aria-label", "aria-hidden", "aria-describedby", "role",
]);

const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);

/** Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so strip them before looking. */
export function isDangerousUrl(url: string): boolean {
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const decoded = squeezed.replace(/&#x?[0-9a-f]+;?/g, (entity) => {
    const hex = entity.startsWith("&#x");
    const code = Number.parseInt(entity.slice(hex ? 3 : 2).replace(";", ""), hex ? 16 : 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
  if (/^(?:javascript|vbscript|file):/.test(decoded)) return true;
  return decoded.startsWith("data:") && !/^data:image\/(?:png|gif|jpe?g|webp|avif);/.test(decoded);
}

type Point = { line: number; column: number };
const start = (node: { position?: { start: Point } }, fallback: Point = { line: 1, column: 1 }): Point =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : fallback;

/** MDX parses every {…} with acorn; a brace holding only comments has an empty program. (A regex over the
 * text backtracked exponentially: 40 comments and a stray character took hours.) */
function isCommentOnly(node: { data?: { estree?: { body: unknown[] } | null } }): boolean {
  return node.data?.estree?.body.length === 0;
}

function checkAttributes(element: JsxElement, at: Point, problems: SafeMdxProblem[]) {
  const name = element.name ?? "";
  const lower = /^[a-z]/.test(name);
  const componentProps: Record<string, unknown> | null = !lower && isAllowedComponent(name) ? COMPONENT_RULES[name].props.shape : null;
  for (const attribute of element.attributes) {
    const where = start(attribute, at);
    if (attribute.type === "mdxJsxExpressionAttribute") {
      problems.push({ ...where, construct: "spread attribute", message: `<${name}>: spread attributes {${attribute.value}} are not allowed` });
      continue;
    }
    const value = readAttributeValue(attribute);
    if (/^on/i.test(attribute.name)) {
      problems.push({ ...where, construct: `${attribute.name} attribute`, message: `<${name} ${attribute.name}>: event handler attributes (on…) are not allowed` });
      continue;
    }
    if (value.kind === "expression") {
      problems.push({ ...where, construct: "JavaScript expression", message: `<${name} ${attribute.name}={${value.source}}>: only literal numbers and booleans may be written in braces` });
      continue;
    }
    if (lower && !SAFE_HTML_ATTRIBUTES.has(attribute.name)) {
      problems.push({ ...where, construct: `${attribute.name} attribute`, message: `<${name}> may not have the attribute "${attribute.name}"` });
      continue;
    }
    if (componentProps && !Object.hasOwn(componentProps, attribute.name)) {
      problems.push({ ...where, construct: `${attribute.name} prop`, message: `<${name}> has no prop "${attribute.name}"; known: ${Object.keys(componentProps).join(", ") || "none"}` });
      continue;
    }
    if (value.kind === "string" && URL_ATTRIBUTES.has(attribute.name) && isDangerousUrl(value.value)) {
      problems.push({ ...where, construct: "javascript: URL", message: `<${name} ${attribute.name}>: javascript:, vbscript:, file: and non-image data: URLs are not allowed` });
    }
  }
}

function checkElement(element: JsxElement, problems: SafeMdxProblem[]) {
  const at = start(element);
  const name = element.name;
  if (name === null) {
    problems.push({ ...at, construct: "fragment", message: "JSX fragments (<>…</>) are not allowed" });
  } else if (/^[a-z]/.test(name)) {
    if (!SAFE_HTML_ELEMENTS.has(name)) {
      problems.push({ ...at, construct: `<${name}>`, message: `raw <${name}> is not allowed; use markdown or an allowlisted component` });
      return;
    }
  } else if (!isAllowedComponent(name)) {
    problems.push({ ...at, construct: `<${name}>`, message: `unknown component <${name}>; allowed: ${Object.keys(COMPONENT_RULES).join(", ")}` });
    return;
  }
  checkAttributes(element, at, problems);
}

function walk(node: Root | RootContent, problems: SafeMdxProblem[]) {
  switch (node.type) {
    case "mdxjsEsm": {
      const keyword = /^\s*export\b/.test(node.value) ? "export" : "import";
      problems.push({ ...start(node), construct: keyword, message: `${keyword} is not allowed; components are provided automatically` });
      return;
    }
    case "mdxFlowExpression":
    case "mdxTextExpression":
      if (!isCommentOnly(node)) {
        problems.push({ ...start(node), construct: "JavaScript expression", message: `JavaScript expressions {${node.value.trim().slice(0, 40)}} are not allowed; only comments {/* … */} are` });
      }
      return;
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      checkElement(node, problems);
      break;
    case "link":
    case "image":
    case "definition":
      if (isDangerousUrl(node.url)) {
        problems.push({ ...start(node), construct: "javascript: URL", message: `${node.type === "image" ? "image" : "link"} to "${node.url.slice(0, 40)}": javascript:, vbscript:, file: and non-image data: URLs are not allowed` });
      }
      break;
    case "html":
      problems.push({ ...start(node), construct: "raw HTML", message: "raw HTML is not allowed" });
      return;
  }
  if ("children" in node) for (const child of node.children as RootContent[]) walk(child, problems);
}

type ParseError = { message: string; reason?: string; name?: string; line?: number | null; column?: number | null; place?: Point | { start: Point } | null };

/** micromark's MDX errors carry their place in `place`, `line`, or only in the text ("… (10:1-10:22)"). */
function errorPoint(error: ParseError): Point {
  if (error.place) return "start" in error.place ? error.place.start : error.place;
  if (error.line) return { line: error.line, column: error.column ?? 1 };
  const match = /\((\d+):(\d+)/.exec(error.reason ?? error.message) ?? /^(\d+):(\d+)/.exec(error.name ?? "");
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 1, column: 1 };
}

/**
 * The same rules over an already parsed tree (or a list of its nodes), for text that reaches HTML some other
 * way: quiz prompts, choices, feedback and explanations, from files and from the studio alike.
 */
export function checkSafeMdxNodes(nodes: readonly (Root | RootContent)[]): SafeMdxProblem[] {
  const problems: SafeMdxProblem[] = [];
  for (const node of nodes) walk(node, problems);
  return problems;
}

/** Every problem in `source`, in document order; empty when the text is safe to compile. */
export function checkSafeMdx(source: string): SafeMdxProblem[] {
  // Shapes the parser is superlinear on are refused before it runs (source-limits.ts).
  const limits = checkSourceLimits(source);
  if (limits.length > 0) return limits;
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkMath).parse(source);
  } catch (error) {
    const problem = error as ParseError;
    const reason = (problem.reason ?? problem.message).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)$/, "");
    return [{ ...errorPoint(problem), construct: "syntax", message: `MDX syntax error: ${reason}` }];
  }
  const problems: SafeMdxProblem[] = [];
  walk(tree, problems);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
