// Display formulas scroll sideways when wider than their column (app/globals.css: math[display="block"]),
// and a region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe: scrollable-region-focusable).
// KaTeX cannot add the attribute, so this step does, right after it, on every path that renders math: lesson
// bodies and the studio preview (pipeline.ts), quiz and glossary text (markdown-html.ts). The <math> element
// is the scroller, and focused it reads as the formula itself, so it needs no wrapper or label of its own.
import type { Root } from "hast";
import rehypeKatex from "rehype-katex";
import type { PluggableList } from "unified";
import { visit } from "unist-util-visit";
import { KATEX_OPTIONS } from "./katex-options";

function rehypeFocusableDisplayMath() {
  return (tree: Root) => {
    visit(tree, "element", (element) => {
      if (element.tagName === "math" && element.properties.display === "block") element.properties.tabIndex = 0;
    });
  };
}

/** How math is rendered everywhere: KaTeX (MathML only), then display formulas made keyboard-reachable. */
export const MATH_PLUGINS: PluggableList = [[rehypeKatex, KATEX_OPTIONS], rehypeFocusableDisplayMath];
