// Reads what authors say about each quiz item's purpose (intent, revisits, exercise; see components.ts)
// straight from the MDX, so course tests can hold a course to its item-writing targets: the share of
// items that apply an idea, the items that revisit earlier lessons, and a graded exercise per lesson.
import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { booleanAttribute, stringAttribute, type JsxElement } from "./jsx-attributes";

const QUIZ_ITEM_COMPONENTS = ["MultipleChoice", "TrueFalse", "Numeric"] as const;

export type ItemIntent = {
  id: string;
  quizId: string;
  component: string;
  /** null when the author said nothing: such an item counts as recall. */
  intent: "recall" | "apply" | null;
  revisits: string | null;
  exercise: boolean;
  line: number;
};

// The lesson pipeline's syntax: without remark-math, braces inside $…$ would parse as JS expressions.
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkMath);

function isJsx(node: RootContent): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

/** Every quiz item in a lesson's source, in order, with the intent its author marked. */
export function readItemIntents(source: string): ItemIntent[] {
  const items: ItemIntent[] = [];
  const visit = (node: Root | RootContent, quizId: string | null) => {
    let insideQuiz = quizId;
    if (node.type !== "root" && isJsx(node)) {
      if (node.name === "Quiz") insideQuiz = stringAttribute(node, "id") ?? "";
      else if (quizId !== null && (QUIZ_ITEM_COMPONENTS as readonly string[]).includes(node.name ?? "")) {
        const intent = stringAttribute(node, "intent");
        items.push({
          id: stringAttribute(node, "id") ?? "",
          quizId,
          component: node.name ?? "",
          intent: intent === "recall" || intent === "apply" ? intent : null,
          revisits: stringAttribute(node, "revisits") ?? null,
          exercise: booleanAttribute(node, "exercise") ?? false,
          line: node.position?.start.line ?? 0,
        });
        return;
      }
    }
    if ("children" in node) for (const child of node.children as RootContent[]) visit(child, insideQuiz);
  };
  visit(parser.parse(source), null);
  return items;
}

export type IntentSummary = { items: number; apply: number; applyShare: number; revisiting: ItemIntent[]; exercises: ItemIntent[] };

/** The figures a course test checks for one lesson; `earlierLessons` are the slugs before it in the course. */
export function summariseIntents(items: readonly ItemIntent[], earlierLessons: readonly string[]): IntentSummary {
  const apply = items.filter((item) => item.intent === "apply").length;
  return {
    items: items.length,
    apply,
    applyShare: items.length === 0 ? 0 : apply / items.length,
    revisiting: items.filter((item) => item.revisits !== null && earlierLessons.includes(item.revisits)),
    exercises: items.filter((item) => item.exercise),
  };
}
