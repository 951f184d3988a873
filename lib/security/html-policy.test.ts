// The HTML policy as a hostile author would try it, and as KaTeX, citations and code highlighting need it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import katex from "katex";
import rehypeKatex from "rehype-katex";
import rehypePrettyCode from "rehype-pretty-code";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { HTML_POLICY, policyWithComponents, rehypeHtmlPolicy, SAFE_STYLE, sanitizeHtmlString, sanitizeHtmlTree } from "./html-policy";

const clean = (html: string) => toHtml(sanitizeHtmlTree(fromHtml(html, { fragment: true })));

/** Every formula of the course, plus constructs that make KaTeX emit SVG, colour, boxes and arrays. */
function formulas(): string[] {
  const dir = "content/courses/alignment-foundations";
  const sources = readdirSync(dir).filter((file) => file.endsWith(".mdx")).map((file) => readFileSync(path.join(dir, file), "utf8"));
  const found = sources.flatMap((source) => [...source.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)].map((match) => (match[1] ?? match[2])!));
  return [
    ...new Set(found),
    String.raw`\sqrt[3]{x}+\widehat{abc}+\overrightarrow{AB}+\cancel{y}+\xrightarrow{f}`,
    String.raw`\color{red}{x}\colorbox{red}{x}\fcolorbox{red}{blue}{x}\boxed{x}`,
    String.raw`\begin{array}{c|c}a&b\\\hline c&d\end{array}\begin{cases}a&b\\c&d\end{cases}\begin{pmatrix}1&2\\3&4\end{pmatrix}`,
    String.raw`\underbrace{a+b}_{c}\overbrace{x}^{y}\sum_{i=1}^n\int_0^1\lim_{x\to0}\binom{n}{k}\left(\frac{1}{2}\right)\Bigg(`,
    String.raw`\mathbb{R}\mathfrak{g}\mathscr{L}\mathsf{x}\mathtt{y}\boldsymbol{\beta}\text{SFT}\mathcal{L}_{\text{SFT}}\tag{1}`,
  ];
}

describe("HTML_POLICY keeps what lessons and quizzes legitimately contain", () => {
  it("keeps KaTeX's HTML and MathML byte for byte, for every formula in the course", () => {
    const list = formulas();
    expect(list.length).toBeGreaterThan(50);
    for (const formula of list) {
      for (const displayMode of [false, true]) {
        const html = katex.renderToString(formula, { displayMode, throwOnError: false, strict: "ignore", output: "htmlAndMathml" });
        expect(clean(html), formula).toBe(toHtml(fromHtml(html, { fragment: true })));
      }
    }
  }, 120_000); // a few hundred formulas; generous for a loaded CI machine

  it("keeps rehype-katex output inside a unified pipeline (rehypeHtmlPolicy)", async () => {
    const source = "Risk $\\hat{R}(\\lambda) \\le \\alpha$ and\n\n$$\\frac{1}{n}\\sum_i L_i$$";
    const base = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex);
    const plain = toHtml(await base().run(base().parse(source)));
    const policed = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex).use([rehypeHtmlPolicy]);
    const sanitised = toHtml(await policed.run(policed.parse(source)));
    expect(sanitised).toBe(plain);
    expect(sanitised).toContain("<math");
  });

  it("keeps citation links, heading anchors, tables, lists and images with safe URLs", () => {
    const html =
      '<h2 id="why-it-matters"><a href="#why-it-matters" class="heading-anchor">Why</a></h2>' +
      '<p>As shown <a href="#ref-krakovna-2020" class="citation">(Krakovna et al., 2020)</a>, see <a href="https://example.org/a?b=1#c">this</a> or <a href="mailto:a@example.org">mail</a>.</p>' +
      '<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>' +
      '<ol start="3"><li><em>x</em> <code>y</code></li></ol><img src="/figures/a.png" alt="A figure"><img src="https://example.org/b.png" alt="B">';
    expect(clean(html)).toBe(html);
  });

  it("keeps Shiki's highlighting from rehype-pretty-code", async () => {
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypePrettyCode, { theme: { light: "github-light", dark: "github-dark" }, keepBackground: false });
    const html = toHtml(await processor.run(processor.parse("```python\nfor i in range(3):\n    print(i)  # a comment\n```")));
    expect(html).toContain("--shiki-dark");
    expect(clean(html)).toBe(toHtml(fromHtml(html, { fragment: true })));
  });

  it("keeps every attribute rehype-pretty-code writes for titles, captions, line numbers and highlighted lines and words", async () => {
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypePrettyCode, { theme: { light: "github-light", dark: "github-dark" }, keepBackground: false });
    const markdown = '```ts title="risk.ts" caption="The empirical risk" showLineNumbers {2}#a /loss/#v\nconst n = 3;\nconst loss = 0.1 * n;\nexport { loss };\n```\n\nInline `x{:ts}` too.';
    const html = toHtml((await processor.run(processor.parse(markdown))));
    for (const marker of ["data-rehype-pretty-code-title", "data-rehype-pretty-code-caption", "data-line-numbers", "data-highlighted-line", "data-highlighted-line-id", "data-highlighted-chars", "data-chars-id", "--shiki-light"]) expect(html).toContain(marker);
    expect(clean(html)).toBe(toHtml(fromHtml(html, { fragment: true })));
  });
});

describe("HTML_POLICY refuses what a hostile author writes", () => {
  const schemes = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "file:///etc/passwd",
  ];
  for (const url of schemes) {
    it(`drops href and src ${JSON.stringify(url)}`, () => {
      const tree: Root = {
        type: "root",
        children: [
          { type: "element", tagName: "a", properties: { href: url }, children: [{ type: "text", value: "x" }] },
          { type: "element", tagName: "img", properties: { src: url, alt: "x" }, children: [] },
        ],
      };
      expect(toHtml(sanitizeHtmlTree(tree))).toBe('<a>x</a><img alt="x">');
    });
  }

  it("drops entity-encoded schemes once the parser has decoded them", () => {
    for (const html of ['<a href="&#106;avascript:alert(1)">x</a>', '<a href="&#x6A;avascript&colon;alert(1)">x</a>', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a href="&#0000106avascript:alert(1)">x</a>']) {
      expect(clean(html), html).toBe("<a>x</a>");
    }
  });

  it("drops scripts, styles, frames and forms, and every event handler", () => {
    expect(clean('<p onclick="alert(1)" onmouseover="alert(2)">hi</p>')).toBe("<p>hi</p>");
    expect(clean("<script>alert(1)</script><style>*{}</style><iframe src=https://evil.example></iframe>ok")).toBe("ok");
    expect(clean('<form action="https://evil.example"><input name="password"><button formaction="x">go</button></form>')).toBe("go");
    expect(clean('<svg onload="alert(1)"><path d="M0 0" onclick="x"/></svg>')).toBe('<svg><path d="M0 0"></path></svg>');
    expect(clean('<img src="x.png" alt="" onerror="alert(1)">')).toBe('<img src="x.png" alt="">');
    expect(clean('<math><mi href="javascript:alert(1)" xlink:href="javascript:alert(1)">x</mi></math>')).toBe("<math><mi>x</mi></math>");
    expect(clean('<object data="x.swf"></object><embed src="x.swf"><template><p>t</p></template><!-- c -->')).toBe("");
  });

  it("keeps no style that could fetch, escape or overlay, and no class or id outside the vocabulary", () => {
    for (const style of ["background:url(https://evil.example/x)", "position:fixed;top:0;left:0", "z-index:9999", "width:expression(alert(1))", "color:\\72 ed", "behavior:url(x.htc)"]) {
      expect(SAFE_STYLE.test(style), style).toBe(false);
      expect(clean(`<span style="${style}">x</span>`), style).toBe("<span>x</span>");
    }
    expect(clean('<div class="fixed inset-0 z-50 katex">x</div>')).toBe('<div class="katex">x</div>');
    expect(clean('<p id="__next_f">x</p><p id="ok-id">y</p>')).toBe('<p>x</p><p id="ok-id">y</p>');
    expect(clean('<p data-testid="quiz-score" data-line="">x</p>')).toBe('<p data-line="">x</p>');
  });

  it("drops scheme tricks in srcset-free URL attributes and keeps relative and fragment URLs", () => {
    for (const html of ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a href="DaTa:text/html;base64,PHNjcmlwdD4=">x</a>', '<a href="VBScript:msgbox(1)">x</a>', '<a href="&#x76;bscript:msgbox(1)">x</a>', '<a href="javascript&#58;alert(1)">x</a>', '<a href="javas&#99;ript:alert(1)">x</a>', '<a href="&Tab;javascript:alert(1)">x</a>']) {
      expect(clean(html), html).toBe("<a>x</a>");
    }
    expect(clean('<a href="/courses/a#b">x</a><a href="#ref-a">y</a>')).toBe('<a href="/courses/a#b">x</a><a href="#ref-a">y</a>');
  });

  it("defuses raw HTML that relies on parser quirks (mXSS, unclosed tags, nested contexts)", () => {
    const cases = [
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<svg><style><img src=x onerror=alert(1)></style></svg>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<textarea><img src=x onerror=alert(1)></textarea>',
      '<img src=x onerror=alert(1)//',
      '<<script>alert(1)//<</script>',
      '<a href="javascript:alert(1)"<b>x</b>',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel=stylesheet href=https://evil.example/x.css>',
      '<input autofocus onfocus=alert(1)><button formaction=javascript:alert(1)>b</button><details open ontoggle=alert(1)>',
    ];
    for (const html of cases) {
      const out = clean(html);
      // An <img> that breaks out of foreign content may stay, as a plain image without its handler.
      expect(out, html).not.toMatch(/<(?:script|style|base|meta|link|input|button|textarea|noscript)\b|\son[a-z]+=|javascript:|evil\.example/i);
    }
  });

  it("defuses SVG and MathML tricks: links, use, animate, foreignObject, script inside", () => {
    const cases = [
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"></use></svg>',
      '<svg><animate attributeName="href" values="javascript:alert(1)"></animate></svg>',
      '<svg><set attributeName="onmouseover" to="alert(1)"></set></svg>',
      '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
      '<svg><script>alert(1)</script></svg>',
      '<svg><image href="https://evil.example/x.png"></image></svg>',
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
      '<math href="javascript:alert(1)"><mi>x</mi></math>',
      '<svg><path d="M0 0" style="fill:url(https://evil.example/#x)"></path></svg>',
    ];
    for (const html of cases) {
      const out = clean(html);
      expect(out, html).not.toMatch(/javascript|evil\.example|<(?:use|animate|set|foreignObject|iframe|script|image|maction)\b|href|onload|onmouseover|url\(/i);
    }
  });

  it("polices markdown's own links: autolinks, GFM bare URLs and reference definitions", async () => {
    const markdown = [
      "<javascript:alert(1)> and <JAVASCRIPT:alert(2)> and <data:text/html,x> and <vbscript:x>",
      "Bare javascript:alert(3) and www.example.org and https://example.org/ok",
      "[ref link][evil] and [ok link][good] and ![img][evilimg]",
      "[inline](javascript:alert(4)) [encoded](&#106;avascript:alert(5)) [spaced](<java script:alert(6)>)",
      "",
      "[evil]: javascript:alert(7)",
      "[good]: https://example.org/good",
      "[evilimg]: data:image/svg+xml,<svg/onload=alert(8)>",
    ].join("\n");
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use([rehypeHtmlPolicy]);
    const html = toHtml((await processor.run(processor.parse(markdown))));
    expect(html).not.toMatch(/href="(?!https?:)|src="(?!https?:)/);
    expect(html).not.toMatch(/href="[^"]*(?:javascript|data:|vbscript)/i);
    expect(html).toContain('href="https://example.org/good"');
    expect(html).toContain('href="http://www.example.org"');
  });

  it("sanitizeHtmlString applies the same policy to a string", () => {
    expect(sanitizeHtmlString('<span class="katex">x</span><img src=x onerror=alert(1)><script>alert(1)</script>')).toBe('<span class="katex">x</span><img src="x">');
  });

  it("policyWithComponents adds the components and their props, and nothing else", () => {
    const policy = policyWithComponents({ Figure: ["caption", "src", "alt"], Callout: ["type", "title"] });
    const tree: Root = {
      type: "root",
      children: [
        { type: "element", tagName: "Figure", properties: { caption: "c", src: "JaVaScRiPt:alert(1)", alt: "a", onClick: "x", dangerouslySetInnerHTML: "x" }, children: [] },
        { type: "element", tagName: "Figure", properties: { caption: "c", src: "/figures/a.png", alt: "a" }, children: [] },
        { type: "element", tagName: "Callout", properties: { type: "tip", src: "data:text/html,x", style: "position:fixed" }, children: [] },
        { type: "element", tagName: "Evil", properties: { x: "1" }, children: [{ type: "text", value: "kept text" }] },
        { type: "element", tagName: "script", properties: {}, children: [{ type: "text", value: "alert(1)" }] },
      ],
    };
    expect(sanitizeHtmlTree(tree, policy).children).toEqual([
      { type: "element", tagName: "Figure", properties: { caption: "c", alt: "a" }, children: [] },
      { type: "element", tagName: "Figure", properties: { caption: "c", src: "/figures/a.png", alt: "a" }, children: [] },
      { type: "element", tagName: "Callout", properties: { type: "tip" }, children: [] },
      { type: "text", value: "kept text" },
    ]);
    expect(policy.protocols).toBe(HTML_POLICY.protocols);
    expect(policy.strip).toBe(HTML_POLICY.strip);
  });

  it("has no default the policy silently inherits", () => {
    for (const key of ["tagNames", "attributes", "protocols", "strip", "ancestors", "clobber", "required"] as const) expect(HTML_POLICY[key], key).toBeDefined();
  });
});
