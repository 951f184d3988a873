// Walks a quiz's children, seeing through the paragraphs MDX wraps around inline tags.
import type { RootContent } from "mdast";
import type { JsxElement } from "./jsx-attributes";

export type QuizPart = { kind: "element"; element: JsxElement } | { kind: "stray"; node: RootContent };

function isBlank(node: RootContent): boolean {
  if (node.type === "text") return node.value.trim() === "";
  if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") return isCommentExpression(node);
  return false;
}

export function isCommentExpression(node: { value: string; data?: { estree?: { body: unknown[] } | null | undefined } | undefined }): boolean {
  const estree = node.data?.estree;
  if (estree) return estree.body.length === 0;
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)*$/.test(node.value);
}

function isJsx(node: RootContent): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

/** The component children of a quiz element, plus anything else written there (reported as stray). */
export function quizParts(children: readonly RootContent[]): QuizPart[] {
  const parts: QuizPart[] = [];
  for (const child of children) {
    if (isBlank(child)) continue;
    if (isJsx(child)) {
      parts.push({ kind: "element", element: child });
    } else if (child.type === "paragraph" && child.children.every((inner) => isJsx(inner) || isBlank(inner))) {
      for (const inner of child.children) if (isJsx(inner)) parts.push({ kind: "element", element: inner });
    } else {
      parts.push({ kind: "stray", node: child });
    }
  }
  return parts;
}
