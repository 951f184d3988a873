// The plain text of a lesson for the search index: prose, headings, captions and code, never quiz content.
import type { Root, RootContent } from "mdast";
import { stringAttribute, type JsxElement } from "./jsx-attributes";

const SKIPPED = new Set(["yaml", "math", "inlineMath", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html", "definition", "footnoteReference"]);

export function extractSearchText(tree: Root): string {
  const parts: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const element = node as JsxElement;
      // Quizzes stay out of the public index; their content belongs to the server.
      if (element.name === "Quiz") return;
      for (const attribute of ["title", "caption"]) {
        const value = stringAttribute(element, attribute);
        if (value) parts.push(value);
      }
    }
    if ("value" in node && typeof node.value === "string" && (node.type === "text" || node.type === "inlineCode" || node.type === "code")) {
      parts.push(node.value);
    }
    if ("children" in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
