// The studio preview as data, not code (docs/decisions/0005): the lesson's rehype tree after the whole
// pipeline, with each MDX component turned into an element named after it and carrying its literal props,
// and nothing else from MDX (comment braces vanish; the safe-MDX gate let no expression through). The
// browser renders it with hast-util-to-jsx-runtime and the student component map, so no bundle is ever
// evaluated there and studio pages need no 'unsafe-eval'. The tree is sanitised before it leaves
// (preview-sanitize.ts).
import type { ElementContent, Properties, Root } from "hast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from "mdast-util-mdx-jsx";
import { readAttributeValue } from "@/lib/content/jsx-attributes";

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
