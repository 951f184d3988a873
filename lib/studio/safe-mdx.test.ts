import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSafeMdx, isDangerousUrl } from "./safe-mdx";

const FRONT = "---\ntitle: T\n---\n\n"; // 4 lines, so the body starts on line 5

/** [name, body, construct, line, column, message fragment] */
const INJECTIONS: Array<[string, string, string, number, number, string]> = [
  ["import", "import x from 'fs'\n", "import", 5, 1, "import is not allowed"],
  ["export", "export const a = 1\n", "export", 5, 1, "export is not allowed"],
  ["flow expression", "{alert(1)}\n", "JavaScript expression", 5, 1, "JavaScript expressions {alert(1)}"],
  ["inline expression", "Hello {process.env.SECRET} there\n", "JavaScript expression", 5, 7, "JavaScript expressions"],
  ["script", "<script>alert(1)</script>\n", "<script>", 5, 1, "raw <script> is not allowed"],
  ["inline script", "text <script>alert(1)</script>\n", "<script>", 5, 6, "raw <script>"],
  ["iframe", "<iframe src=\"https://evil.example\" />\n", "<iframe>", 5, 1, "raw <iframe> is not allowed"],
  ["object", "<object data=\"x.swf\" />\n", "<object>", 5, 1, "raw <object>"],
  ["style element", "<style>{'body{}'}</style>\n", "<style>", 5, 1, "raw <style>"],
  ["svg with onload", "<svg onload=\"alert(1)\" />\n", "<svg>", 5, 1, "raw <svg>"],
  ["onerror on img", "<img src=\"x\" onerror=\"alert(1)\" />\n", "onerror attribute", 5, 14, "event handler attributes"],
  ["onclick on span", "<span onClick=\"alert(1)\">x</span>\n", "onClick attribute", 5, 7, "event handler attributes"],
  ["on* on a component", "<Callout onMouseOver=\"alert(1)\">x</Callout>\n", "onMouseOver attribute", 5, 10, "event handler"],
  ["style attribute", "<div style=\"color:red\">x</div>\n", "style attribute", 5, 6, "may not have the attribute \"style\""],
  ["expression attribute", "<a href={`javascript:alert(1)`}>x</a>\n", "JavaScript expression", 5, 4, "only literal numbers and booleans"],
  ["spread", "<Callout {...props}>x</Callout>\n", "spread attribute", 5, 10, "spread attributes"],
  ["javascript link", "[click](javascript:alert(1))\n", "javascript: URL", 5, 1, "javascript:"],
  ["JavaScript link, mixed case and tab", "[click](JavaScript&#x3a;alert(1))\n", "javascript: URL", 5, 1, "javascript:"],
  ["javascript image", "![x](javascript:alert(1))\n", "javascript: URL", 5, 1, "image to"],
  ["javascript definition", "[a]: javascript:alert(1)\n\n[x][a]\n", "javascript: URL", 5, 1, "javascript:"],
  ["javascript href attribute", "<a href=\"javascript:alert(1)\">x</a>\n", "javascript: URL", 5, 4, "<a href>"],
  ["entity-encoded scheme", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>\n", "javascript: URL", 5, 4, "<a href>"],
  ["data html link", "[x](data:text/html;base64,PHNjcmlwdD4=)\n", "javascript: URL", 5, 1, "non-image data:"],
  ["javascript Figure src", "<Figure src=\"javascript:alert(1)\" alt=\"a\" caption=\"c\" />\n", "javascript: URL", 5, 9, "<Figure src>"],
  ["unknown component", "<Evil />\n", "<Evil>", 5, 1, "unknown component <Evil>"],
  ["member component", "<Callout.Inner />\n", "<Callout.Inner>", 5, 1, "unknown component"],
  ["unknown prop", "<Callout kind=\"note\">x</Callout>\n", "kind prop", 5, 10, "<Callout> has no prop \"kind\""],
  ["dangerouslySetInnerHTML", "<div dangerouslySetInnerHTML={{__html: 'x'}} />\n", "JavaScript expression", 5, 6, "only literal"],
  ["fragment", "<>x</>\n", "fragment", 5, 1, "fragments"],
  ["form", "<form action=\"https://evil.example\"><button>go</button></form>\n", "<form>", 5, 1, "raw <form>"],
];

describe("checkSafeMdx: injection attempts", () => {
  it.each(INJECTIONS)("rejects %s", (_name, body, construct, line, column, fragment) => {
    const problems = checkSafeMdx(FRONT + body);
    expect(problems.length).toBeGreaterThan(0);
    const [first] = problems;
    expect(first).toMatchObject({ construct, line, column });
    expect(first!.message).toContain(fragment);
  });

  it("reports a syntax error where it starts", () => {
    const [problem] = checkSafeMdx(FRONT + "Fine.\n\n<Callout>\nunclosed\n");
    expect(problem?.construct).toBe("syntax");
    expect(problem?.message).toMatch(/^MDX syntax error/);
    expect(problem?.line).toBeGreaterThanOrEqual(7);
  });

  it("checks a brace of many comments in linear time (the old regex backtracked exponentially)", () => {
    const [problem] = checkSafeMdx(FRONT + "{" + "/**/".repeat(60) + "x}\n");
    expect(problem).toMatchObject({ construct: "JavaScript expression", line: 5, column: 1 });
    expect(checkSafeMdx(FRONT + "{" + "/* a */ ".repeat(60) + "}\n")).toEqual([]);
  });

  it("refuses the shapes the parser is superlinear on before parsing them", () => {
    expect(checkSafeMdx(FRONT + "*a".repeat(20_000))[0]).toMatchObject({ construct: "emphasis markers", line: 5 });
    expect(checkSafeMdx(FRONT + "<span>".repeat(5000) + "x" + "</span>".repeat(5000))[0]).toMatchObject({ construct: "nesting", line: 5 });
  });

  it("lists every problem, in document order", () => {
    const problems = checkSafeMdx(FRONT + "<script />\n\n[x](javascript:1)\n\n{1+1}\n");
    expect(problems.map((problem) => [problem.construct, problem.line])).toEqual([
      ["<script>", 5],
      ["javascript: URL", 7],
      ["JavaScript expression", 9],
    ]);
  });
});

describe("checkSafeMdx: what authors may write", () => {
  it("accepts literal numbers and booleans, comments, safe HTML and ordinary links", () => {
    const body = [
      "{/* a comment */}",
      "",
      "H<sub>2</sub>O, <abbr title=\"reinforcement learning\">RL</abbr>, [a link](https://example.org) and ![img](/course-media/x.png).",
      "",
      "<Quiz id=\"q\" maxAttempts={3} passMark={0.7} shuffle={false}>",
      "  <TrueFalse id=\"t\" answer={false} statement=\"S\">",
      "    <Explanation>Because.</Explanation>",
      "  </TrueFalse>",
      "</Quiz>",
    ].join("\n");
    expect(checkSafeMdx(FRONT + body)).toEqual([]);
  });

  const courses = path.join(process.cwd(), "content", "courses");
  const lessons = readdirSync(courses, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".mdx"));
  it("finds the course lessons", () => expect(lessons.length).toBeGreaterThanOrEqual(5));
  it.each(lessons)("accepts %s", (file) => {
    expect(checkSafeMdx(readFileSync(path.join(courses, file), "utf8"))).toEqual([]);
  });
});

describe("isDangerousUrl", () => {
  it.each(["javascript:alert(1)", " JAVASCRIPT:x", "java\nscript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd"])("refuses %j", (url) =>
    expect(isDangerousUrl(url)).toBe(true),
  );
  it.each(["https://example.org", "/courses/a/b#c", "./other", "#ref-x", "mailto:a@example.org", "data:image/png;base64,AAAA"])("allows %j", (url) =>
    expect(isDangerousUrl(url)).toBe(false),
  );
});
