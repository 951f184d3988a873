// The one plugin list. Analysis (content:check, and the first step of every compile) and the
// mdx-bundler compile share it, so the ids, TOC and quiz extraction seen by both are the same.
import type { PluggableList } from "unified";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { rehypeCollectHeadings, type HeadingCollector } from "./rehype-headings";
import { KATEX_OPTIONS } from "./katex-options";
import { MATH_PLUGINS } from "./rehype-display-math";
import { rehypeMathAsHtml } from "./rehype-math-html";
import { remarkLesson, type LessonCollector } from "./remark-lesson";

/** Bump when anything here changes the compiled output, so the on-disk cache is invalidated. */
export const PIPELINE_VERSION = "content-pipeline/5";

/** The MDX node types remark-rehype must pass through untouched, as @mdx-js/mdx does. */
export const MDX_NODE_TYPES: Array<"mdxFlowExpression" | "mdxJsxFlowElement" | "mdxJsxTextElement" | "mdxTextExpression" | "mdxjsEsm"> = ["mdxFlowExpression", "mdxJsxFlowElement", "mdxJsxTextElement", "mdxTextExpression", "mdxjsEsm"];

export { KATEX_OPTIONS };

const SHIKI_THEMES = { light: "github-light", dark: "github-dark" } as const;

export function lessonRemarkPlugins(collector: LessonCollector): PluggableList {
  return [remarkGfm, remarkMath, [remarkLesson, collector]];
}

/** Heading ids come first so they are computed from the author's text, before math is rendered. */
export function lessonRehypePlugins(headings: HeadingCollector, options: { highlight: boolean }): PluggableList {
  const plugins: PluggableList = [
    rehypeSlug,
    [rehypeCollectHeadings, headings],
    [rehypeAutolinkHeadings, { behavior: "wrap", properties: { className: ["heading-anchor"] } }],
    // KaTeX before Shiki: display math arrives as <pre><code class="language-math">, which Shiki would otherwise claim.
    ...MATH_PLUGINS,
    rehypeMathAsHtml,
  ];
  if (options.highlight) plugins.push([rehypePrettyCode, { theme: SHIKI_THEMES, keepBackground: false }]);
  return plugins;
}
