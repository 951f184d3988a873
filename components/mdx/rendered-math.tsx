// Math that KaTeX rendered at compile time, as one HTML string (lib/content/rehype-math-html.ts): the same
// outer span KaTeX produced, so its styles apply unchanged, with the formula inside as static markup.
// The string comes from our compile pipeline only; authors cannot write this component.
export function RenderedMath({ html, display }: { html: string; display?: boolean }) {
  return <span className={display ? "katex-display" : "katex"} dangerouslySetInnerHTML={{ __html: html }} />;
}
