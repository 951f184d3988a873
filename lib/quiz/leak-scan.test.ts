import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collectSecrets,
  decodeHtmlEntities,
  decodeJsEscapes,
  formatLeak,
  normaliseHaystack,
  scanForLeaks,
  scanText,
  textRuns,
  type QuizSecret,
} from "./leak-scan";
import { toPublicQuiz } from "./public-view";
import { goodhartQuiz } from "./test-fixtures";

const quiz = goodhartQuiz();
const { secrets, tooShort } = collectSecrets([quiz]);

/** What a lesson page looks like when nothing leaks: the public quiz inlined as RSC data and rendered. */
function cleanLessonHtml(): string {
  const view = toPublicQuiz(quiz);
  const rsc = JSON.stringify(JSON.stringify(["$", "QuizClient", null, { quiz: view }]));
  const items = view.items
    .map((item) => `<fieldset><legend>${item.promptHtml}</legend>${item.choices.map((c) => `<label>${c.labelHtml}</label>`).join("")}</fieldset>`)
    .join("");
  return `<!doctype html><html><body><main><h1>Goodhart&#x27;s law</h1><p>Selecting on a proxy is tempting.</p>${items}</main><script>self.__next_f.push([1,${rsc}])</script></body></html>`;
}

describe("normalisation", () => {
  it("decodes entities, numeric and named", () => {
    expect(decodeHtmlEntities("Manheim &amp; Garrabrant&#x27;s &#8220;law&#8221;&nbsp;&bogus;")).toBe("Manheim & Garrabrant's “law”\u00a0&bogus;");
  });

  it("decodes JS and doubly escaped JSON strings", () => {
    expect(decodeJsEscapes(String.raw`it\u2019s \"quoted\" \\\"twice\\\" \x41\nB`)).toBe('it’s "quoted" "twice" A B');
  });

  it("splits HTML into normalised text runs", () => {
    expect(textRuns("<p>Regressional  Goodhart <em>is</em>\n what\u00a0happens</p>")).toEqual(["regressional goodhart", "is", "what happens"]);
  });

  it("normalises a haystack the same way as the needles", () => {
    expect(normaliseHaystack("Manheim &amp;\n\n Garrabrant")).toBe("manheim & garrabrant");
  });
});

describe("collectSecrets", () => {
  it("collects every explanation and every feedback long enough to be distinctive", () => {
    expect(secrets.map((s) => `${s.kind}:${s.itemId}:${s.choiceId ?? "-"}`)).toEqual([
      "explanation:goodhart-variant:-",
      "feedback:goodhart-variant:c-causal",
      "feedback:goodhart-variant:c-regressional",
      "explanation:gaming-cases:-",
      "feedback:gaming-cases:m-lego",
      "feedback:gaming-cases:m-chess",
      "explanation:perfect-labels:-",
      "feedback:perfect-labels:tf-true",
    ]);
    expect(tooShort).toEqual([]);
    for (const secret of secrets) for (const needle of secret.needles) expect(needle.length).toBeGreaterThanOrEqual(24);
  });

  it("covers a long run with overlapping windows that reach its end", () => {
    const explanation = secrets[0]!;
    expect(explanation.needles.length).toBeGreaterThan(2);
    expect(explanation.text).toContain("manheim & garrabrant, 2018");
    expect(explanation.needles.at(-1)).toBe(explanation.text.slice(-40));
  });

  it("reports strings too short to check instead of silently skipping them", () => {
    const short = goodhartQuiz();
    short.items[0]!.choices[0]!.feedbackHtml = "<p>Not quite.</p>";
    const collected = collectSecrets([short]);
    expect(collected.tooShort).toEqual([{ quizId: "goodhart-check", itemId: "goodhart-variant", choiceId: "c-causal", kind: "feedback", text: "not quite." }]);
  });

  it("drops needles that are public anyway (quoted from a prompt or label)", () => {
    const quoting = goodhartQuiz();
    quoting.items[2]!.promptHtml = "<p>Perfect labels on the training data guarantee the intended behaviour.</p>";
    quoting.items[2]!.explanationHtml = "<p>Perfect labels on the training data guarantee the intended behaviour.</p><p>False: this is the short answer.</p>";
    const explanation = collectSecrets([quoting]).secrets.find((s) => s.itemId === "perfect-labels" && s.kind === "explanation")!;
    expect(explanation.needles).toEqual(["false: this is the short answer."]);
  });
});

describe("scanText", () => {
  it("passes a clean lesson page built from the public view", () => {
    expect(scanText("lesson.html", cleanLessonHtml(), secrets)).toEqual([]);
  });

  it("detects a feedback string planted in server-rendered HTML (entities, other whitespace)", () => {
    const html = cleanLessonHtml().replace("</main>", "<div hidden>Yes: selecting on a noisy\n   proxy also selects for the&nbsp;noise.</div></main>");
    const leaks = scanText("lesson.html", html, secrets);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ type: "secret", quizId: "goodhart-check", itemId: "goodhart-variant", choiceId: "c-regressional", kind: "feedback" });
  });

  it("detects an explanation inside an escaped RSC payload even when one part of it is formatted differently", () => {
    const explanation = quiz.items[1]!.explanationHtml!.replace("Lego stacking agent", "<em>Lego</em> stacking agent");
    const payload = `self.__next_f.push([1,${JSON.stringify(JSON.stringify({ children: explanation }))}])`;
    const leaks = scanText("page.rsc", payload, secrets);
    expect(leaks.map((leak) => (leak.type === "secret" ? `${leak.kind}:${leak.itemId}` : leak.pattern))).toEqual(["explanation:gaming-cases"]);
  });

  it("detects an answer key in a minified client bundle", () => {
    const bundle = 'let q={id:"goodhart-variant",choices:[{id:"c-causal",correct:!1},{id:"c-regressional",correct:!0}]};';
    const leaks = scanText("static/chunks/app.js", bundle, secrets);
    expect(leaks).toEqual([expect.objectContaining({ type: "key-pattern", pattern: "correct:!0|!1 (minified)", count: 2 })]);
  });

  it("detects the JSON key names of the definition", () => {
    const leaked = JSON.stringify({ items: [{ choices: [{ id: "x", correct: true, feedbackHtml: null }], explanationHtml: null }] });
    const patterns = scanText("api.json", leaked, secrets).map((leak) => (leak.type === "key-pattern" ? leak.pattern : leak.itemId));
    expect(patterns).toEqual(['"correct":true|false', '"explanationHtml"', '"feedbackHtml"']);
  });

  it("finds the whole definition when it is shipped as is", () => {
    const leaks = scanText("chunk.js", `var d=${JSON.stringify(quiz)}`, secrets);
    expect(leaks.filter((leak) => leak.type === "secret")).toHaveLength(8);
  });

  it("does not flag the word 'correct' in ordinary code or prose", () => {
    const innocent = 'if(isCorrect){label="correct answer"} const a={correctCount:2}; "Correct!" you said';
    expect(scanText("ok.js", innocent, secrets)).toEqual([]);
  });
});

describe("scanForLeaks", () => {
  it("scans every file and names the leaking ones", () => {
    const files = [
      { path: "a.html", text: cleanLessonHtml() },
      { path: "b.js", text: "console.log('The boat race and the Lego stacking agent both exploit a misspecified reward (Krakovna et al., 2020).')" },
    ];
    const result = scanForLeaks([quiz], files);
    expect(result.filesScanned).toBe(2);
    expect(result.leaks.map((leak) => leak.file)).toEqual(["b.js"]);
    expect(formatLeak(result.leaks[0]!)).toMatch(/^b\.js: explanation of goodhart-check \/ gaming-cases leaked \(100% of it/);
  });

  it("does not call a phrase that the lesson shares with an explanation a leak, but does call most of it one", () => {
    // The explanation's run is 101 characters: five windows of 40 start at 0, 20, 40, 60 and 61 (the last aligned to the end).
    const prose = "<p>In the boat race and the Lego stacking agent both exploit a flaw.</p>"; // holds only the first window
    expect(scanForLeaks([quiz], [{ path: "lesson.html", text: prose }]).leaks).toEqual([]);
    const most = "<p>The boat race and the Lego stacking agent both exploit a misspecified reward (Kr</p>"; // windows 0, 20 and 40
    const [leak] = scanForLeaks([quiz], [{ path: "lesson.html", text: most }]).leaks;
    expect(leak).toMatchObject({ type: "secret", itemId: "gaming-cases", coverage: 0.6 });
    expect(scanForLeaks([quiz], [{ path: "lesson.html", text: most }], { coverageThreshold: 0.7 }).leaks).toEqual([]);
  });
});

describe("the rolling-hash search", () => {
  it("finds exactly the secrets a plain substring search finds, by the majority rule", () => {
    // A two-letter alphabet makes matches, partial matches and hash-window edge cases common.
    const text = fc.string({ unit: fc.constantFrom("a", "b"), minLength: 0, maxLength: 300 });
    const needle = fc.string({ unit: fc.constantFrom("a", "b"), minLength: 8, maxLength: 14 });
    fc.assert(
      fc.property(text, fc.array(fc.array(needle, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (haystack, needleSets) => {
        const planted: QuizSecret[] = needleSets.map((needles, i) => ({ quizId: "q", itemId: `i${i}`, choiceId: null, kind: "explanation", text: "", needles }));
        const found = scanText("f", haystack, planted).flatMap((leak) => (leak.type === "secret" ? [leak.itemId] : []));
        const share = (needles: string[]) => {
          const unique = [...new Set(needles)];
          return unique.filter((n) => haystack.includes(n)).length / unique.length;
        };
        expect(found).toEqual(planted.filter((secret) => share(secret.needles) > 0.5).map((secret) => secret.itemId));
        const anyMatch = scanText("f", haystack, planted, { coverageThreshold: 0 }).flatMap((leak) => (leak.type === "secret" ? [leak.itemId] : []));
        expect(anyMatch).toEqual(planted.filter((secret) => share(secret.needles) > 0).map((secret) => secret.itemId));
      }),
      { numRuns: 500 },
    );
  });
});
