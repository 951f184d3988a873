// Reads the ids rehype-slug gave the headings: the table of contents (## and ###) and every anchor
// a link may point at. Runs right after rehype-slug in both the analysis and the bundle pipeline.
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { TocEntry } from "./types";

export type HeadingCollector = { toc: TocEntry[]; anchors: string[] };

function classNames(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

export function rehypeCollectHeadings(collector: HeadingCollector) {
  return (tree: Root) => {
    collector.toc.length = 0;
    collector.anchors.length = 0;
    visit(tree, "element", (element: Element) => {
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
