// The studio preview as data, not code (docs/decisions/0005): the lesson's rehype tree after the whole
// pipeline, with each MDX component turned into an element named after it and carrying its literal props,
// and nothing else from MDX (comment braces vanish; the safe-MDX gate let no expression through). The
// browser renders it with hast-util-to-jsx-runtime and the student component map, so no bundle is ever
// evaluated there and studio pages need no 'unsafe-eval'. The tree is sanitised before it leaves, under the
// one HTML policy (lib/security/html-policy.ts) widened by exactly the allowlisted components and their props.
import type { Element, ElementContent, Properties, Root } from "hast";
import { LRUCache } from "lru-cache";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import { COMPONENT_RULES } from "@/lib/content/components";
import { readAttributeValue } from "@/lib/content/jsx-attributes";
import { RENDERED_MATH_COMPONENT } from "@/lib/content/rehype-math-html";
import { policyWithComponents, sanitizeHtmlString, sanitizeHtmlTree } from "@/lib/security/html-policy";

type MdxHastNode = { type: string; name?: string | null; attributes?: Array<MdxJsxAttribute | MdxJsxExpressionAttribute>; children?: MdxHastNode[]; value?: string; tagName?: string; properties?: Properties };

function literalProps(attributes: ReadonlyArray<MdxJsxAttribute | MdxJsxExpressionAttribute>): Properties {
  const properties: Properties = {};
  for (const attribute of attributes) {
    if (attribute.type !== "mdxJsxAttribute") continue;
    const value = readAttributeValue(attribute);
    if (value.kind !== "expression") properties[attribute.name] = value.value;
  }
  return properties;
}

function convert(node: MdxHastNode): ElementContent[] {
  switch (node.type) {
    case "text":
      return [{ type: "text", value: node.value ?? "" }];
    case "element":
      return [{ type: "element", tagName: node.tagName!, properties: { ...node.properties }, children: convertAll(node.children) }];
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      // A fragment (<>…</>) has no name; the gate refuses it, and here its children would simply stand in its place.
      if (!node.name) return convertAll(node.children);
      return [{ type: "element", tagName: node.name, properties: literalProps(node.attributes ?? []), children: convertAll(node.children) }];
    default:
      // Comments, comment-only braces, ESM and raw HTML have nothing to show.
      return [];
  }
}

function convertAll(children: MdxHastNode[] | undefined): ElementContent[] {
  return (children ?? []).flatMap(convert);
}

/** A plain hast tree (elements and text only, no positions) from the pipeline's tree with MDX nodes in it. */
export function toPreviewTree(tree: Root): Root {
  return { type: "root", children: convertAll(tree.children) };
}

const PREVIEW_POLICY = policyWithComponents({
  ...Object.fromEntries(Object.entries(COMPONENT_RULES).map(([name, rule]) => [name, Object.keys(rule.props.shape)])),
  [RENDERED_MATH_COMPONENT]: ["html", "display"],
});

// A preview recompiles the whole lesson on every pause in typing, and most formulas have not changed.
const cleanMath = new LRUCache<string, string>({ max: 5_000, maxSize: 20_000_000, sizeCalculation: (value, key) => value.length + key.length });

function sanitizeMathHtml(html: string): string {
  let clean = cleanMath.get(html);
  if (clean === undefined) {
    clean = sanitizeHtmlString(html);
    cleanMath.set(html, clean);
  }
  return clean;
}

/** A new, safe tree: HTML_POLICY plus the components' props; RenderedMath's HTML string is sanitised too. */
export function sanitizePreviewTree(tree: Root): Root {
  const clean = sanitizeHtmlTree(tree, PREVIEW_POLICY);
  visit(clean, "element", (element: Element) => {
    if (element.tagName === RENDERED_MATH_COMPONENT && typeof element.properties.html === "string") element.properties.html = sanitizeMathHtml(element.properties.html);
  });
  return clean;
}
