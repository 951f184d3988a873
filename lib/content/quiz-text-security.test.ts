// Issue #12 item 1: quiz text is author input like any lesson body. Whatever a hostile author writes in a
// quiz attribute, a choice or an explanation, no script, handler or dangerous URL reaches the stored HTML.
import { describe, expect, it } from "vitest";
import type { QuizDefinition } from "../quiz/types";
import { analyzeLesson } from "./analyze-lesson";

function lesson(body: string): string {
  return `---\ntitle: T\nslug: t\nsummary: S\nestimatedMinutes: 1\nobjectives:\n  - O\n---\n${body}\n`;
}

async function extract(body: string) {
  const analysis = await analyzeLesson({ source: lesson(body), file: "t.mdx", courseSlug: "c", expectedSlug: "t", salt: "test-secret-test-secret-test-secret" });
  return { diagnostics: analysis.diagnostics, quizzes: (analysis.collector?.quizzes ?? []).map((quiz) => quiz.definition) };
}

/** Every HTML string a quiz stores, public or keyed. */
function htmlOf(quiz: QuizDefinition): string {
  return quiz.items
    .flatMap((item) => [item.promptHtml, item.explanationHtml ?? "", ...item.choices.flatMap((choice) => [choice.labelHtml, choice.feedbackHtml ?? ""])])
    .join("\n");
}

/** Markup that runs or fetches something; the same words as plain text are harmless. */
const DANGEROUS = /<(?:script|iframe|style|form|object|embed|svg|math)\b|\son[a-z]+\s*=|\b(?:href|src|action|formaction|srcdoc|cite)\s*=\s*["']?\s*(?:javascript|vbscript|data:text)/i;

const PAYLOADS = [
  "[hint](javascript:fetch('/api/admin/users/x/role',{method:'PATCH'}))",
  "[hint](JaVaScRiPt:alert(1))",
  "[hint](&#106;avascript:alert(1))",
  "[hint](java%0ascript:alert(1))",
  "<javascript:alert(1)>",
  "[hint][ref]\n\n[ref]: javascript:alert(1)",
  "![x](javascript:alert(1))",
  "<img src=x onerror=alert(1)>",
  "<a href=\"javascript:alert(1)\">hint</a>",
  "<script>alert(1)</script>",
  "[hint](vbscript:msgbox(1))",
  "[hint](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
];

describe("quiz text cannot carry script (issue #12 item 1)", () => {
  for (const payload of PAYLOADS) {
    const attribute = JSON.stringify(payload).slice(1, -1).replaceAll('\\"', "&quot;");
    it(`strips ${JSON.stringify(payload)} from question, statement and every feedback attribute`, async () => {
      const { quizzes } = await extract(
        `<Quiz id="q">\n<MultipleChoice id="a" question="Q ${attribute}">\n<Choice correct feedback="F ${attribute}">one</Choice>\n<Choice>two</Choice>\n<Explanation>E</Explanation>\n</MultipleChoice>\n` +
          `<TrueFalse id="b" statement="S ${attribute}" answer={true} feedbackTrue="T ${attribute}" feedbackFalse="F ${attribute}">\n<Explanation>E</Explanation>\n</TrueFalse>\n</Quiz>`,
      );
      expect(quizzes).toHaveLength(1);
      const html = htmlOf(quizzes[0]!);
      expect(html).toContain("Q");
      expect(html).not.toMatch(DANGEROUS);
    });
  }

  it("strips handlers and dangerous URLs from HTML elements written inside choices and explanations", async () => {
    const { quizzes } = await extract(
      `<Quiz id="q">\n<MultipleChoice id="a" question="Q">\n<Choice correct><a href="javascript:alert(1)">one</a></Choice>\n<Choice><img src="x.png" alt="" onError="alert(1)" /> two</Choice>\n` +
        `<Explanation>See <a href="JAVASCRIPT:alert(1)" title="t">this</a> and [that](javascript:alert(2)).</Explanation>\n</MultipleChoice>\n</Quiz>`,
    );
    const html = htmlOf(quizzes[0]!);
    expect(html).toContain("one");
    expect(html).not.toMatch(DANGEROUS);
  });
});
