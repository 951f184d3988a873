// A lesson body as the page ships it: static HTML for everything that never changes (prose, math, figures'
// frames, citations, references) and "islands" for the few interactive components (quizzes, the sandbox,
// interactive figures), which React renders and hydrates. Built at compile time from the final hast tree of
// the same pipeline that makes the MDX bundle, so both show the same lesson.
// Why: a server-component tree travels twice, as HTML and again as the inline RSC payload that hydrates
// it; static HTML needs no hydration, so the page can send it once (components/mdx/static-html.tsx).
import type { Element, ElementContent, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from "mdast-util-mdx-jsx";
import { sanitizeHtmlTree } from "../security/html-policy";
import { CALLOUT_FRAME_CLASSES, CALLOUT_LABEL_CLASSES, CALLOUT_STYLES, FIGURE_CLASSES, type CalloutType } from "./callout-styles";
import { referenceAnchorId } from "./citations";
import { orderedReferences } from "./reference-order";
import type { Reference } from "./schemas";

export const ISLANDS = ["Quiz", "ConformalSandbox", "GoodhartFigure", "GeneralisationFigure", "PreferenceFigure", "ShiftMonitorFigure", "ShapeColourFigure"] as const;
export type IslandName = (typeof ISLANDS)[number];
export type IslandProps = Record<string, string | number | boolean>;

export type BodySegment =
  | { kind: "html"; html: string }
  | { kind: "island"; component: IslandName; props: IslandProps }
  /** An element that holds an island somewhere inside it: kept as an element, its children as segments. */
  | { kind: "element"; tagName: string; attributes: Record<string, string>; children: BodySegment[] };

export type BodyContext = { references: Reference[]; citations: string[] };

type JsxNode = MdxJsxFlowElementHast | MdxJsxTextElementHast;
const isJsx = (node: RootContent | ElementContent): node is JsxNode => node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
const isIsland = (name: string | null | undefined): name is IslandName => (ISLANDS as readonly string[]).includes(name ?? "");

function attributeValues(node: JsxNode): IslandProps {
  const values: IslandProps = {};
  for (const attribute of node.attributes as MdxJsxAttribute[]) {
    if (attribute.type !== "mdxJsxAttribute") continue;
    const raw = attribute.value;
    if (raw === null || raw === undefined) values[attribute.name] = true;
    else if (typeof raw === "string") values[attribute.name] = raw;
    else if (raw.value.trim() === "true" || raw.value.trim() === "false") values[attribute.name] = raw.value.trim() === "true";
    else if (!Number.isNaN(Number(raw.value))) values[attribute.name] = Number(raw.value);
  }
  return values;
}

/** The callout frame's classes in the React component's order: "my-6 … py-3 <kind> [&>p…]…". */
function frameClasses(kind: string): string[] {
  const frame = CALLOUT_FRAME_CLASSES.split(" ");
  return [...frame.slice(0, 5), ...kind.split(" "), ...frame.slice(5)];
}

const element = (tagName: string, properties: Element["properties"], children: ElementContent[]): Element => ({ type: "element", tagName, properties, children });
const text = (value: string): ElementContent => ({ type: "text", value });

/** The static components as plain elements, written exactly as their React versions in components/mdx/ render them. */
function expandStatic(node: JsxNode, context: BodyContext, numberOf: Map<string, number>, references: Reference[]): ElementContent[] {
  const props = attributeValues(node);
  const children = node.children as ElementContent[];
  switch (node.name) {
    case "RenderedMath": {
      const original = (node.data as { hast?: Element } | undefined)?.hast;
      return original ? [original] : [];
    }
    case "Callout": {
      const style = CALLOUT_STYLES[(props.type as CalloutType) ?? "note"] ?? CALLOUT_STYLES.note;
      return [
        element("aside", { className: frameClasses(style.className) }, [
          element("p", { className: CALLOUT_LABEL_CLASSES.split(" ") }, [text(typeof props.title === "string" ? props.title : style.label)]),
          ...children,
        ]),
      ];
    }
    case "Figure": {
      const [figure, image, frame, caption] = FIGURE_CLASSES.map((classes) => classes.split(" "));
      const content = typeof props.src === "string"
        ? element("img", { src: props.src, alt: typeof props.alt === "string" ? props.alt : "", loading: "lazy", className: image }, [])
        : element("div", { className: frame }, children);
      return [element("figure", { className: figure }, [content, element("figcaption", { className: caption }, [text(String(props.caption ?? ""))])])];
    }
    case "Cite": {
      const id = String(props.id ?? "");
      const reference = references.find((candidate) => candidate.id === id);
      const label = reference ? `${reference.authors.split(",")[0]} (${reference.year}), ${reference.title}` : id;
      const number = numberOf.get(id) ?? 0;
      return [element("sup", {}, [element("a", { href: `#${referenceAnchorId(id)}`, ariaLabel: `Reference ${number}: ${label}`, className: ["no-underline"] }, [text(`[${number}]`)])])];
    }
    case "References":
      return [element("ol", { className: ["text-sm"] }, references.map((reference) => element("li", { id: referenceAnchorId(reference.id) }, referenceEntry(reference))))];
    default:
      throw new Error(`lesson body: <${node.name}> is neither a static component nor an island`);
  }
}

function referenceEntry(reference: Reference): ElementContent[] {
  const parts: ElementContent[] = [text(`${reference.authors} (${reference.year}). `), element("cite", {}, [text(reference.title)]), text(`. ${reference.venue}.`)];
  if (reference.arxiv) parts.push(text(" "), element("a", { href: `https://arxiv.org/abs/${reference.arxiv}` }, [text(`arXiv:${reference.arxiv}`)]), text("."));
  if (reference.doi) parts.push(text(" "), element("a", { href: `https://doi.org/${reference.doi}` }, [text(`doi:${reference.doi}`)]), text("."));
  if (reference.url && !reference.arxiv && !reference.doi) parts.push(text(" "), element("a", { href: reference.url }, [text(reference.url)]));
  return parts;
}

type Node = RootContent | ElementContent;

/** Replaces static components by their elements, drops MDX expressions (comments), leaves islands in place. */
function expandTree(nodes: Node[], context: BodyContext, numberOf: Map<string, number>, references: Reference[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression" || node.type === "mdxjsEsm" || node.type === "doctype") return [];
    if (isJsx(node)) {
      if (isIsland(node.name)) return [node];
      return expandTree(expandStatic(node, context, numberOf, references), context, numberOf, references);
    }
    if (node.type === "element") return [{ ...node, children: expandTree(node.children, context, numberOf, references) as ElementContent[] }];
    return [node];
  });
}

const holdsIsland = (node: Node): boolean => (isJsx(node) && isIsland(node.name)) || (node.type === "element" && node.children.some(holdsIsland));

/** Attributes of a wrapper element as HTML names and strings (class, id, aria-*, data-*), for React to render. */
function wrapperAttributes(node: Element): Record<string, string> {
  const opening = toHtml(element(node.tagName, node.properties, []));
  const attributes: Record<string, string> = {};
  for (const match of opening.matchAll(/\s([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) attributes[match[1]!] = (match[2] ?? "").replace(/&#x22;/g, '"').replace(/&#x26;/g, "&");
  return attributes;
}

/**
 * rehype-pretty-code writes its data attributes under their HTML names ("data-line"); hast, and so the
 * HTML policy's allowlist, names them as properties ("dataLine"). Same attribute, hast's spelling.
 */
function hastPropertyNames(nodes: Node[]): void {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    for (const name of Object.keys(node.properties)) {
      if (!name.startsWith("data-")) continue;
      const property = name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
      node.properties[property] = node.properties[name];
      delete node.properties[name];
    }
    hastPropertyNames(node.children);
  }
}

function segmentsOf(nodes: Node[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let run: Node[] = [];
  const flush = () => {
    // Every run goes through the one HTML policy before it becomes a string (lib/security/html-policy.ts).
    hastPropertyNames(run);
    const html = toHtml(sanitizeHtmlTree({ type: "root", children: run as RootContent[] }));
    if (html.trim() !== "") segments.push({ kind: "html", html });
    run = [];
  };
  for (const node of nodes) {
    if (!holdsIsland(node)) {
      run.push(node);
      continue;
    }
    flush();
    if (isJsx(node)) segments.push({ kind: "island", component: node.name as IslandName, props: attributeValues(node) });
    else if (node.type === "element") segments.push({ kind: "element", tagName: node.tagName, attributes: wrapperAttributes(node), children: segmentsOf(node.children) });
  }
  flush();
  return segments;
}

/** The lesson's final hast tree (after every rehype plugin) as static HTML and islands. */
export function lessonBodySegments(tree: Root, context: BodyContext): BodySegment[] {
  const references = orderedReferences(context.references, context.citations);
  const numberOf = new Map(references.map((reference, index) => [reference.id, index + 1]));
  return segmentsOf(expandTree(tree.children, context, numberOf, references));
}

/** A rehype plugin that hands the final tree to the compile step; it changes nothing. */
export function rehypeCaptureBody(capture: { tree: Root | null }) {
  return (tree: Root) => {
    capture.tree = structuredClone(tree);
  };
}
