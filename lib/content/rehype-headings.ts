// Reads the ids rehype-slug gave the headings: the table of contents (## and ###, plus each quiz, which has a
// heading of its own when it renders) and every anchor a link may point at. Runs right after rehype-slug in
// both the analysis and the bundle pipeline; by then remark-lesson has reduced each <Quiz> to <Quiz id="…" />.
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { MdxJsxFlowElementHast } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import { DEFAULT_QUIZ_TITLE } from "../quiz/policy";
import type { TocEntry } from "./types";

export type HeadingCollector = {
  toc: TocEntry[];
  anchors: string[];
  /** The title of the quiz with this id, when the quiz has been extracted (the TOC shows it). */
  quizTitle?: (id: string) => string | undefined;
};

/** The id of the section a quiz renders into (components/quiz/quiz-runner.tsx), which the TOC links to. */
function quizAnchorId(quizId: string): string {
  return `quiz-${quizId}`;
}

function classNames(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function quizId(node: MdxJsxFlowElementHast): string | undefined {
  const attribute = node.attributes.find((candidate) => candidate.type === "mdxJsxAttribute" && candidate.name === "id");
  return typeof attribute?.value === "string" && attribute.value !== "" ? attribute.value : undefined;
}

export function rehypeCollectHeadings(collector: HeadingCollector) {
  return (tree: Root) => {
    collector.toc.length = 0;
    collector.anchors.length = 0;
    visit(tree, (node) => {
      if (node.type === "mdxJsxFlowElement" && node.name === "Quiz") {
        const id = quizId(node);
        if (!id) return;
        collector.anchors.push(quizAnchorId(id));
        collector.toc.push({ depth: 2, id: quizAnchorId(id), text: collector.quizTitle?.(id) ?? DEFAULT_QUIZ_TITLE, kind: "quiz" });
        return;
      }
      if (node.type !== "element") return;
      const element = node;
      const id = element.properties.id;
      if (typeof id !== "string" || id === "") return;
      collector.anchors.push(id);
      const depth = element.tagName === "h2" ? 2 : element.tagName === "h3" ? 3 : null;
      // The footnotes heading is visually hidden and not part of the lesson's outline.
      if (depth === null || classNames(element).includes("sr-only")) return;
      collector.toc.push({ depth, id, text: toString(element).replace(/\s+/g, " ").trim() });
    });
  };
}
