// The one HTML policy: every compile-time path that turns author text into HTML (quiz prompts, choices,
// feedback and explanations, static lesson bodies, KaTeX's markup, the studio preview's tree) passes its tree
// through sanitizeHtmlTree, sanitizeComponentTree or the rehypeHtmlPolicy plugin before it is stored or sent.
// An allowlist (rehype-sanitize / hast-util-sanitize): text markup, tables, links and images with safe URLs,
// KaTeX's HTML and MathML, citation and heading anchors, code highlighting. Nothing else survives: no raw
// HTML element outside the list (script, style, iframe, form… are dropped with their content or unwrapped),
// no event handler or unknown attribute, no URL whose scheme is not http(s)/mailto, in any case, encoding or
// spacing (the parser has already decoded entities; the scheme check then runs on the decoded value).
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import rehypeSanitize from "rehype-sanitize";
import type { Plugin } from "unified";
import { STATIC_COMPONENT_CLASSES } from "../content/callout-styles";

/** Elements that only lay out text (the same vocabulary as the studio's safe-MDX gate). */
const TEXT_ELEMENTS = [
  "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
  "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
  "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
  "thead", "time", "tr", "u", "ul", "var", "wbr",
  // The callout's frame in a static lesson body (lib/content/lesson-body.ts).
  "aside",
];

/** What KaTeX emits: MathML for screen readers, and two SVG shapes for stretchy glyphs (√, arrows, \cancel). */
const MATHML_ELEMENTS = [
  "math", "semantics", "annotation", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac",
  "msqrt", "mroot", "mstyle", "mpadded", "mphantom", "menclose", "munder", "mover", "munderover", "mtable", "mtr", "mtd",
  "mlabeledtr", "merror",
];
const SVG_ELEMENTS = ["svg", "path", "line"];

const MATHML_ATTRIBUTES = [
  "xmlns", "display", "encoding", "mathvariant", "mathcolor", "mathbackground", "stretchy", "fence", "separator", "accent",
  "accentunder", "minsize", "maxsize", "lspace", "rspace", "scriptlevel", "displaystyle", "notation", "rowspacing",
  "columnalign", "columnspacing", "columnlines", "rowlines", "linethickness", "voffset", "depth", "width", "height",
  "linebreak", "movablelimits", "symmetric", "largeop", "form",
];

/** Class names KaTeX's stylesheet and renderer use, ours (citation and heading anchors) and code highlighting's. */
const KATEX_CLASS =
  /^(?:katex(?:-[a-z]+)?|base|strut|pstrut|vlist(?:-[a-z0-9]+)?|m(?:ord|bin|rel|open|close|punct|inner|op|tight|space|frac|table|over|under|supsub|ult)|sizing|reset-size\d+|size\d+|fontsize-ensurer|delim(?:sizing|center|-size\d)|nulldelimiter|frac-line|sqrt|root|hide-tail|svg-align|(?:over|under)line(?:-line)?|accent(?:-body|-full)?|math[a-z]*|text[a-z]*|ams[a-z]+|boldsymbol|op-(?:symbol|limits)|small-op|large-op|col-align-[lcr]|arraycolsep|vertical-separator|hline|hdashline|stretchy|x-arrow(?:-pad)?|brace-(?:left|center|right)|[lr]lap|clap|smash|sout|cancel-(?:pad|lap)|fbox|fcolorbox|colorbox|boxpad|inner|fix|newline|nobreak|tag|eqn-num|mml-eqn-num|thinbox|vbox|hbox|rule|overlay|halfarrow-(?:left|right)|angl|anglpad|llap|rlap|fleqn|leqno|mainrm|cd-[a-z-]+)$/;
const APP_CLASS = /^(?:citation|anchor|heading-anchor|footnotes|sr-only|data-footnote-backref|contains-task-list|task-list-item|language-[a-z0-9+#-]+|line|highlighted-(?:line|chars)|word)$/;

const LENGTH = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:em|ex|px|pt|%)?`;
const COLOUR = String.raw`(?:#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([\d.,\s%]+\))`;
const SIDES = "(?:-(?:top|right|bottom|left))?";
const DECLARATION = [
  String.raw`(?:height|width|min-width|max-width|top|left|right|bottom|vertical-align|margin${SIDES}|padding${SIDES}|border${SIDES}-width)\s*:\s*${LENGTH}(?:\s+${LENGTH}){0,3}`,
  String.raw`position\s*:\s*relative`,
  String.raw`(?:color|background-color|border${SIDES}-color|--shiki-[a-z-]+)\s*:\s*${COLOUR}`,
  String.raw`border${SIDES}-style\s*:\s*(?:solid|dashed|dotted|none)`,
  String.raw`border\s*:\s*${LENGTH}\s+(?:solid|dashed|dotted)\s+${COLOUR}`,
  String.raw`display\s*:\s*(?:grid|block|inline|inline-block)`,
].join("|");
/**
 * Inline style as KaTeX (struts, offsets, colours) and Shiki (colour variables) write it: lengths, colours and
 * `position: relative`, nothing else. No url(), no expression(), no escapes, no position: fixed or z-index, so
 * a style can neither fetch anything nor lay a fake dialog over the page.
 */
export const SAFE_STYLE = new RegExp(String.raw`^\s*(?:(?:${DECLARATION})\s*(?:;\s*|$))*$`, "i");

/** The data- attributes GFM footnotes and rehype-pretty-code write; others could steer the app's own scripts. */
const DATA_ATTRIBUTES = [
  "dataFootnoteRef", "dataFootnoteBackref", "dataFootnotes", "dataLine", "dataLanguage", "dataTheme", "dataRehypePrettyCodeFigure",
  "dataRehypePrettyCodeTitle", "dataRehypePrettyCodeCaption", "dataHighlightedLine", "dataHighlightedLineId", "dataHighlightedChars", "dataCharsId",
  "dataLineNumbers", "dataLineNumbersMaxDigits",
];

/** Ids as rehype-slug and GFM footnotes make them. No leading "_" (so no element can clobber `self.__next_f`). */
const SAFE_ID = /^[a-z][a-z0-9-]*$/i;

export const HTML_POLICY: Schema = {
  allowComments: false,
  allowDoctypes: false,
  // Ids are kept as written (heading anchors and #ref- links need them); SAFE_ID already refuses the risky ones.
  clobber: [],
  clobberPrefix: "",
  tagNames: [...TEXT_ELEMENTS, ...MATHML_ELEMENTS, ...SVG_ELEMENTS],
  // Dropped with everything inside; any other element outside tagNames is unwrapped (its text kept).
  strip: ["script", "style", "iframe", "frame", "object", "embed", "template", "noscript", "textarea", "title", "xmp", "noembed", "select", "option"],
  ancestors: { li: ["ol", "ul"], tbody: ["table"], thead: ["table"], tfoot: ["table"], tr: ["table"], td: ["table"], th: ["table"], caption: ["table"], col: ["table"], colgroup: ["table"], summary: ["details"], figcaption: ["figure"], path: ["svg"], line: ["svg"] },
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"], cite: ["http", "https"] },
  attributes: {
    "*": [["className", KATEX_CLASS, APP_CLASS, ...STATIC_COMPONENT_CLASSES], ["style", SAFE_STYLE], ["id", SAFE_ID], "title", "lang", "dir", ["ariaHidden", "true", "false", true, false], "ariaLabel", "ariaDescribedBy", ...DATA_ATTRIBUTES],
    a: ["href", ["tabIndex", -1, "-1", 0, "0"]],
    img: ["src", "alt", "width", "height", ["loading", "lazy", "eager"]],
    td: ["colSpan", "rowSpan", ["align", "left", "center", "right"]],
    th: ["colSpan", "rowSpan", "scope", ["align", "left", "center", "right"]],
    col: ["span"],
    ol: ["start", "reversed"],
    li: [["checked", true, false]],
    time: ["dateTime"],
    q: ["cite"],
    blockquote: ["cite"],
    details: ["open"],
    pre: [["tabIndex", 0, "0"]],
    ...Object.fromEntries(MATHML_ELEMENTS.map((name) => [name, MATHML_ATTRIBUTES])),
    // A display formula scrolls when wide, so it takes keyboard focus (lib/content/rehype-display-math.ts).
    math: [...MATHML_ATTRIBUTES, ["tabIndex", 0, "0"]],
    svg: ["xmlns", "width", "height", "viewBox", "preserveAspectRatio"],
    path: ["d"],
    line: ["x1", "x2", "y1", "y2", "strokeWidth"],
  },
  required: {},
};

/** Sanitises a hast tree under HTML_POLICY (or a policyWithComponents of it); returns a new tree, input untouched. */
export function sanitizeHtmlTree(tree: Root, policy: Schema = HTML_POLICY): Root {
  return sanitize(tree, policy) as Root;
}

/** The same policy as a rehype plugin, for unified pipelines that end in an HTML string. */
export const rehypeHtmlPolicy: [Plugin<[Schema], Root>, Schema] = [rehypeSanitize, HTML_POLICY];

/** An HTML string (KaTeX's markup in a RenderedMath prop) parsed, sanitised and serialised again. */
export function sanitizeHtmlString(html: string): string {
  return toHtml(sanitizeHtmlTree(fromHtml(html, { fragment: true })));
}

/** Each allowlisted component's element name with the props it may carry. */
export type ComponentProps = Readonly<Record<string, readonly string[]>>;

/**
 * HTML_POLICY for a tree that also holds lesson components as elements with literal props (the studio
 * preview). It adds exactly those element names and, on each, exactly its props; everything else is
 * HTML_POLICY's, so a URL-valued prop (Figure's src) meets the same protocol rule as an img's.
 */
export function policyWithComponents(components: ComponentProps): Schema {
  const names = Object.keys(components);
  return {
    ...HTML_POLICY,
    tagNames: [...HTML_POLICY.tagNames!, ...names],
    attributes: { ...HTML_POLICY.attributes, ...Object.fromEntries(names.map((name) => [name, [...components[name]!]])) },
  };
}
