// Reads MDX JSX attributes as plain values. Lessons stay declarative: only strings and literal
// numbers or booleans in braces (maxAttempts={3}, answer={false}) are values; anything else is an error.
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export type AttributeValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "expression"; source: string };

export type ReadAttribute = { name: string; value: AttributeValue; node: MdxJsxAttribute };

const NUMBER_LITERAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function readAttributeValue(attribute: MdxJsxAttribute): AttributeValue {
  const raw = attribute.value;
  // A bare attribute (<Choice correct>) means true, as in JSX.
  if (raw === null || raw === undefined) return { kind: "boolean", value: true };
  if (typeof raw === "string") return { kind: "string", value: raw };
  const source = raw.value.trim();
  if (source === "true" || source === "false") return { kind: "boolean", value: source === "true" };
  if (NUMBER_LITERAL.test(source)) return { kind: "number", value: Number(source) };
  return { kind: "expression", source };
}

export function isSpreadAttribute(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): attribute is MdxJsxExpressionAttribute {
  return attribute.type === "mdxJsxExpressionAttribute";
}

export function readAttributes(element: JsxElement): ReadAttribute[] {
  return element.attributes.flatMap((attribute) =>
    isSpreadAttribute(attribute) ? [] : [{ name: attribute.name, value: readAttributeValue(attribute), node: attribute }],
  );
}

export function getAttribute(element: JsxElement, name: string): ReadAttribute | undefined {
  return readAttributes(element).find((attribute) => attribute.name === name);
}

export function stringAttribute(element: JsxElement, name: string): string | undefined {
  const attribute = getAttribute(element, name);
  return attribute?.value.kind === "string" ? attribute.value.value : undefined;
}

export function numberAttribute(element: JsxElement, name: string): number | undefined {
  const attribute = getAttribute(element, name);
  return attribute?.value.kind === "number" ? attribute.value.value : undefined;
}

export function booleanAttribute(element: JsxElement, name: string): boolean | undefined {
  const attribute = getAttribute(element, name);
  return attribute?.value.kind === "boolean" ? attribute.value.value : undefined;
}
