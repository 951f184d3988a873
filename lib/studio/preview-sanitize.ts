// The sanitiser for the studio preview tree: rehype-sanitize (GitHub's schema) widened by exactly what the
// lesson pipeline produces: the allowlisted components with their props, heading anchors, Shiki's code
// markup and KaTeX's. Every HTML string inside the tree (RenderedMath's) is parsed and sanitised too.
// The lesson tests check that it removes nothing from the course lessons and everything from hostile trees.
// TODO(#13): switch to lib/security/html-policy.ts, the project's one HTML policy, once it lands on main.
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { LRUCache } from "lru-cache";
import { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeSanitize from "rehype-sanitize";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { COMPONENT_RULES } from "@/lib/content/components";
import { RENDERED_MATH_COMPONENT } from "@/lib/content/rehype-math-html";

/** Declarations with no parentheses, quotes, backslashes or angle brackets: no url(), no expression(). One
 * declaration per `;`, so the pattern cannot backtrack. */
const SAFE_STYLE = /^(?:-{0,2}[a-zA-Z][a-zA-Z-]*:[^;:()\\"'<>]*;)*(?:-{0,2}[a-zA-Z][a-zA-Z-]*:[^;:()\\"'<>]*)?$/;

const componentAttributes = Object.fromEntries(Object.entries(COMPONENT_RULES).map(([name, rule]) => [name, Object.keys(rule.props)]));

const PRETTY_CODE_DATA = ["dataRehypePrettyCodeFigure", "dataRehypePrettyCodeTitle", "dataRehypePrettyCodeCaption", "dataLanguage", "dataTheme", "dataLine", "dataHighlightedLine", "dataHighlightedChars", "dataChars", "dataLineNumbers"];

/** GitHub's per-tag rules limit className to a few values (footnotes, task lists); lessons use any class. */
const withAnyClassName = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, definitions]) => [tag, definitions.filter((definition) => !(Array.isArray(definition) && definition[0] === "className"))]),
);

const lessonSchema: Schema = {
  ...defaultSchema,
  // Heading ids come from rehype-slug and the table of contents links to them: keep them as students get them.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), "figure", "figcaption", "abbr", "mark", "small", "time", "u", "wbr", "caption", "col", "colgroup", ...Object.keys(COMPONENT_RULES), RENDERED_MATH_COMPONENT],
  attributes: {
    ...withAnyClassName,
    ...componentAttributes,
    [RENDERED_MATH_COMPONENT]: ["html", "display"],
    "*": [...(defaultSchema.attributes?.["*"] ?? []), "className", "ariaHidden", "ariaLabel", "ariaDescribedBy", "role", "cite", "loading", "reversed", ...PRETTY_CODE_DATA],
    code: ["className", ["style", SAFE_STYLE], ...PRETTY_CODE_DATA],
    pre: ["className", ["style", SAFE_STYLE], "tabIndex", ...PRETTY_CODE_DATA],
    span: ["className", ["style", SAFE_STYLE], ...PRETTY_CODE_DATA],
  },
  protocols: { ...defaultSchema.protocols, src: ["http", "https"] },
};

const MATHML = ["math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "menclose", "mpadded", "mphantom"];
const MATHML_ATTRIBUTES = ["xmlns", "display", "encoding", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace", "accent", "accentunder", "minsize", "maxsize", "movablelimits", "linethickness", "scriptlevel", "displaystyle", "columnalign", "columnspacing", "rowspacing", "rowalign", "columnlines", "rowlines", "notation", "width", "height", "depth", "voffset", "mathcolor", "mathbackground", "symmetric", "largeop"];

const mathSchema: Schema = {
  tagNames: ["span", "svg", "path", "line", "g", "rect", ...MATHML],
  attributes: {
    "*": ["className", "ariaHidden", ["style", SAFE_STYLE], ...MATHML_ATTRIBUTES],
    // A display formula scrolls when wide, so it takes keyboard focus (lib/content/rehype-display-math.ts).
    math: [["tabIndex", 0, "0"]],
    svg: ["xmlns", "width", "height", "viewBox", "preserveAspectRatio"],
    path: ["d"],
    line: ["x1", "y1", "x2", "y2", "strokeWidth"],
    rect: ["x", "y", "width", "height"],
  },
  clobber: [],
  protocols: {},
  strip: ["script", "style"],
};

const sanitizeLesson = unified().use(rehypeSanitize, lessonSchema);
const sanitizeMath = unified().use(rehypeSanitize, mathSchema);

// A preview recompiles the whole lesson on every pause in typing, and most formulas have not changed.
const cleanMath = new LRUCache<string, string>({ max: 5_000, maxSize: 20_000_000, sizeCalculation: (value, key) => value.length + key.length });

/** KaTeX's markup, as a string again, with anything that is not math markup gone. */
export function sanitizeMathHtml(html: string): string {
  let clean = cleanMath.get(html);
  if (clean === undefined) {
    clean = toHtml(sanitizeMath.runSync(fromHtml(html, { fragment: true })) as Root);
    cleanMath.set(html, clean);
  }
  return clean;
}

/** A new, safe tree. */
export function sanitizePreviewTree(tree: Root): Root {
  // hast-util-sanitize builds a new tree; the input is left as it was.
  const clean = sanitizeLesson.runSync(tree) as Root;
  visit(clean, "element", (element: Element) => {
    if (element.tagName === RENDERED_MATH_COMPONENT && typeof element.properties.html === "string") element.properties.html = sanitizeMathHtml(element.properties.html);
  });
  return clean;
}
