// KaTeX renders a formula as dozens of nested spans (MathML for screen readers, HTML for the eye). Left as
// JSX, every span travels to the browser twice, in the HTML and again as an element in the RSC payload,
// and React hydrates each one. Rendered math never changes, so each formula is handed to the page as one
// HTML string instead: <RenderedMath html="…" [display]/>, which components/mdx/rendered-math.tsx turns
// back into the same outer span. Runs after rehype-katex. RenderedMath is not in the author allowlist, so
// only this plugin can produce it (analysis rejects it in a source file as an unknown component).
import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import type { MdxJsxAttribute, MdxJsxTextElementHast } from "mdast-util-mdx-jsx";
import { SKIP, visit } from "unist-util-visit";
import { sanitizeHtmlTree } from "../security/html-policy";

export const RENDERED_MATH_COMPONENT = "RenderedMath";

const hasClass = (element: Element, name: string) => Array.isArray(element.properties.className) && element.properties.className.includes(name);

export function rehypeMathAsHtml() {
  return (tree: Root) => {
    visit(tree, "element", (element, index, parent) => {
      if (!parent || index === undefined) return;
      const display = hasClass(element, "katex-display");
      if (!display && !hasClass(element, "katex")) return;
      const attributes: MdxJsxAttribute[] = [{ type: "mdxJsxAttribute", name: "html", value: toHtml(sanitizeHtmlTree({ type: "root", children: element.children })) }];
      if (display) attributes.push({ type: "mdxJsxAttribute", name: "display", value: null });
      // The element itself rides along for the static lesson body (lib/content/lesson-body.ts); MDX ignores `data`.
      const replacement: MdxJsxTextElementHast = { type: "mdxJsxTextElement", name: RENDERED_MATH_COMPONENT, attributes, children: [], data: { hast: element } };
      parent.children[index] = replacement;
      return SKIP;
    });
  };
}
