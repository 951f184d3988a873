// The second edition's item-writing targets (issue #15), for every lesson of the course as compiled: at least
// half of each quiz applies an idea, every quiz after the first revisits earlier lessons twice, each lesson has
// a worked exercise graded in its quiz by at least one numeric item, quizzes use the course default policy
// unless the lesson says why, no catch-all options, every multiple-answer item has two or more wrong options
// that each say why they are wrong, content:check has nothing to warn about, and each lesson ends with reading
// and two discussion prompts. Then every exercise key is recomputed from the lesson's own text, with the code
// the sandbox and the figures run (lib/conformal, lib/figures), so a key that disagrees with the working fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { calibrateStepLosses, monotonicityScores, stepRisk } from "@/lib/conformal";
import { compileCourse, type CourseCompileResult } from "@/lib/content/compile-course";
import { readItemIntents, summariseIntents } from "@/lib/content/item-intent";
import type { BodySegment } from "@/lib/content/lesson-body";
import { runShiftMonitor } from "@/lib/figures/distribution-shift";
import { calibratedThreshold, ksStatistic, sortedCopy } from "@/lib/figures/two-sample-test";
import { DEFAULT_QUIZ_POLICY } from "@/lib/quiz/policy";
import type { QuizItemDefinition } from "@/lib/quiz/types";

const COURSE_DIR = path.join("content", "courses", "alignment-foundations");
const LESSONS = ["why-fitting-data-is-not-enough", "goodhart-and-specification-gaming", "data-structure-and-generalisation", "conformal-property-alignment", "evaluation-and-deployment"];

let course: CourseCompileResult;
beforeAll(async () => {
  course = await compileCourse(COURSE_DIR, { cacheDir: null });
}, 120_000);

const lessons = () => course.manifest!.lessons;
const source = (slug: string) => readFileSync(path.join(COURSE_DIR, `${slug}.mdx`), "utf8");
const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&#39;/g, "'").replace(/&[a-z#0-9]+;/gi, "x").trim();
const quizzesOf = (slug: string) => course.quizzes.filter((quiz) => quiz.lessonSlug === slug);
const allItems = () => course.quizzes.flatMap((quiz) => quiz.items);
const item = (id: string): QuizItemDefinition => {
  const found = allItems().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const earlier = (slug: string) => lessons().slice(0, lessons().indexOf(slug));
const key = (id: string) => plain(item(id).choices.find((choice) => choice.correct)!.labelHtml);
const keys = (id: string) => item(id).choices.filter((choice) => choice.correct).map((choice) => plain(choice.labelHtml));
const question = (id: string) => plain(item(id).promptHtml).replace(/−/g, "-");

/** A numeric item's key and the half-width of the interval it accepts. */
function numeric(id: string): { answer: number; tolerance: number } {
  const found = item(id);
  expect(found.kind, id).toBe("numeric");
  const { answer, tolerance } = found.numericKey!;
  const value = Number(answer);
  return { answer: value, tolerance: tolerance.kind === "absolute" ? Number(tolerance.value) : Number(tolerance.value) * Math.abs(value) };
}
/** The computed value lies within the item's tolerance of its key. */
function expectAccepted(id: string, computed: number) {
  const { answer, tolerance } = numeric(id);
  expect(Math.abs(computed - answer), `${id}: key ${answer}, computed ${computed}`).toBeLessThanOrEqual(tolerance);
}

/** The body of the section under a ### heading, up to the next heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n### ${heading}\n`);
  if (start === -1) return "";
  const rest = text.slice(start + heading.length + 6);
  const end = rest.search(/\n#{2,3} /);
  return end === -1 ? rest : rest.slice(0, end);
}

describe("the course as compiled", () => {
  it("has five lessons and nothing content:check would warn about", () => {
    expect(lessons()).toEqual(LESSONS);
    expect(course.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });

  it("keeps the key the strictly longest option in at most 30% of single-answer items, course-wide", () => {
    const single = allItems().filter((candidate) => candidate.kind === "single");
    const longest = single.filter((candidate) => {
      const length = key(candidate.id).length;
      return candidate.choices.every((choice) => choice.correct || plain(choice.labelHtml).length < length);
    });
    expect(single.length).toBeGreaterThan(20);
    expect(longest.length / single.length, longest.map((candidate) => candidate.id).join(", ")).toBeLessThanOrEqual(0.3);
  });

  it("gives every numeric item a tolerance tighter than 5% of its answer", () => {
    const numericItems = allItems().filter((candidate) => candidate.kind === "numeric");
    expect(numericItems.length).toBeGreaterThanOrEqual(lessons().length);
    for (const candidate of numericItems) {
      const { answer, tolerance } = numeric(candidate.id);
      expect(tolerance, candidate.id).toBeLessThan(0.05 * Math.abs(answer));
    }
  });
});

describe.each(LESSONS)(
  "second edition of %s",
  (slug) => {
    it("has at least one quiz", () => {
      expect(quizzesOf(slug).length).toBeGreaterThanOrEqual(1);
    });

    it("marks at least half of each quiz's items as applying an idea", () => {
      const intents = readItemIntents(source(slug));
      for (const quiz of quizzesOf(slug)) {
        const summary = summariseIntents(intents.filter((intent) => intent.quizId === quiz.id), earlier(slug));
        expect(summary.items, quiz.id).toBe(quiz.items.length);
        expect(summary.applyShare, `${quiz.id}: ${summary.apply} of ${summary.items}`).toBeGreaterThanOrEqual(0.5);
      }
    });

    it("revisits earlier lessons, each named correctly, in at least two items per quiz (from lesson 2 on)", () => {
      const intents = readItemIntents(source(slug));
      expect(intents.filter((intent) => intent.revisits !== null && !earlier(slug).includes(intent.revisits))).toEqual([]);
      if (earlier(slug).length === 0) return;
      for (const quiz of quizzesOf(slug)) {
        expect(summariseIntents(intents.filter((intent) => intent.quizId === quiz.id), earlier(slug)).revisiting.length, quiz.id).toBeGreaterThanOrEqual(2);
      }
    });

    it("has a worked exercise in its text, graded by items that apply it, at least one of them numeric", () => {
      expect(source(slug)).toMatch(/\n### Worked exercise: /);
      const exercises = summariseIntents(readItemIntents(source(slug)), earlier(slug)).exercises;
      expect(exercises.length).toBeGreaterThanOrEqual(1);
      expect(exercises.filter((exercise) => exercise.intent !== "apply").map((exercise) => exercise.id)).toEqual([]);
      const numericExercises = exercises.filter((exercise) => item(exercise.id).kind === "numeric");
      expect(numericExercises.length, "numeric exercise items").toBeGreaterThanOrEqual(1);
    });

    it("uses the course default policy (3 attempts, answers after the last, shuffled) unless the lesson says why", () => {
      const text = source(slug);
      for (const quiz of quizzesOf(slug)) {
        const tag = text.indexOf(`<Quiz id="${quiz.id}"`);
        const explained = /\{\/\*\s*policy:[^*]+\*\/\}\s*$/i.test(text.slice(0, tag));
        if (!explained) expect(quiz.policy, quiz.id).toEqual(DEFAULT_QUIZ_POLICY);
      }
      expect(DEFAULT_QUIZ_POLICY).toMatchObject({ maxAttempts: 3, showAnswers: "after-last-attempt", shuffle: true });
    });

    it("has no catch-all options, and every multiple-answer item has two or more wrong options that say why", () => {
      for (const quiz of quizzesOf(slug)) {
        for (const candidate of quiz.items) {
          for (const choice of candidate.choices) expect(plain(choice.labelHtml), candidate.id).not.toMatch(/\b(all|none|both|neither) of the (above|others)\b/i);
          if (candidate.kind !== "multiple") continue;
          const wrong = candidate.choices.filter((choice) => !choice.correct);
          expect(wrong.length, candidate.id).toBeGreaterThanOrEqual(2);
          // A plausible distractor is one its author could explain: each carries feedback on why it is wrong.
          expect(wrong.filter((choice) => !choice.feedbackHtml).map((choice) => plain(choice.labelHtml)), candidate.id).toEqual([]);
        }
      }
    });

    it("ends with core reading, further reading and two discussion prompts", () => {
      const text = source(slug);
      for (const heading of ["Core reading", "Further reading"]) {
        const list = section(text, heading).split("\n").filter((line) => line.startsWith("- "));
        expect(list.length, heading).toBeGreaterThanOrEqual(1);
        expect(list.every((line) => /<Cite id="[^"]+" \/>/.test(line)), heading).toBe(true);
      }
      expect(section(text, "Discussion prompts").split("\n").filter((line) => /^\d+\. /.test(line))).toHaveLength(2);
    });
  },
);

/** The islands of a compiled lesson body, in order. */
const islands = (segments: readonly BodySegment[]): string[] =>
  segments.flatMap((segment) => (segment.kind === "island" ? [segment.component] : segment.kind === "element" ? islands(segment.children) : []));

describe("lesson 3: same network, different data", () => {
  it("embeds the shape/colour demo in its 'Same network, different data' section, and then introduces susceptibilities and patterning with citations", () => {
    const text = source("data-structure-and-generalisation");
    const demo = section(text, "Same network, different data");
    expect(demo).toContain("<ShapeColourFigure />");
    expect(text).not.toMatch(/PLACEHOLDER/);
    const lesson = course.lessons.find((candidate) => candidate.slug === "data-structure-and-generalisation")!;
    expect(islands(lesson.body!)).toContain("ShapeColourFigure");
    const frontier = text.slice(text.indexOf("\n## The research frontier: susceptibilities and patterning\n"), text.indexOf("\n## Summary\n"));
    expect(frontier).toMatch(/\*\*Susceptibilities\.\*\*[^\n]*<Cite id="baker2026" \/>/);
    expect(frontier).toMatch(/\*\*Patterning\.\*\*[^\n]*<Cite id="wang2026patterning" \/>/);
  });
});

/** Solves f(x) = 0 by bisection on [lo, hi], where f changes sign once. */
function root(f: (x: number) => number, lo: number, hi: number): number {
  for (let step = 0; step < 200; step += 1) {
    const mid = (lo + hi) / 2;
    if (Math.sign(f(mid)) === Math.sign(f(lo))) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const numbers = (text: string) => text.replace(/−/g, "-").split(/,\s*/).map(Number);

describe("lessons 1–3: the worked exercises' keys are the computed answers", () => {
  it("lesson 1: Bradley–Terry by hand, and a third response", () => {
    const [, total, wins] = /same prompt (\d+) times and prefer \$A\$ in (\d+)/.exec(source("why-fitting-data-is-not-enough"))!.map(Number);
    const gap = root((delta) => wins! * (1 - sigma(delta)) - (total! - wins!) * sigma(delta), -5, 5); // d/dΔ of the log-likelihood
    expect(gap).toBeCloseTo(Math.log(2), 9);
    expect(key("l1-bt-exercise")).toBe(`about ${gap.toFixed(2)}`);
    const [first, second] = [...question("l1-ex-a-beats-c").matchAll(/= log (\d+)/g)].map((match) => Math.log(Number(match[1])));
    expect(first).toBeCloseTo(gap, 9);
    expectAccepted("l1-ex-a-beats-c", sigma(first! + second!));
    expect(key("l1-pooled-groups")).toContain(logit(0.6 * 0.9 + 0.4 * 0.1).toFixed(2));
  });

  it("lesson 2: the peak of the gold reward, its best-of-n size, and the peak for new coefficients", () => {
    const peak = root((d) => 0.6 - 2 * 0.15 * d, 0, 10);
    expect(key("l2-peak-d")).toBe(`d = ${peak}`);
    const n = root((m) => Math.log(m) - (m - 1) / m - peak ** 2, 1.0001, 1e6);
    expect(n).toBeCloseTo(147.41, 2);
    expect(key("l2-peak-n")).toBe(`about ${Math.ceil(n)}`);
    const [, alpha, beta] = /α = ([\d.]*\d) and β = ([\d.]*\d)/.exec(question("l2-ex-peak-kl"))!.map(Number);
    const dStar = root((d) => alpha! - 2 * beta! * d, 0, 10);
    expectAccepted("l2-ex-peak-kl", dStar ** 2);
  });

  it("lesson 3: the free-energy crossover, below it, and with twice the loss gap", () => {
    const crossover = (lossGap: number, complexityGap: number) => root((n) => lossGap * n - complexityGap * Math.log(n), 100, 1e7);
    expect(crossover(0.002, 2)).toBeCloseTo(9118, 0);
    expect(key("l3-crossover")).toBe(`about ${(Math.round(crossover(0.002, 2) / 100) * 100).toLocaleString("en-US")}`);
    expect(0.002 * 2000 - 2 * Math.log(2000)).toBeLessThan(0); // α still has the lower free energy at n = 2,000
    expect(key("l3-crossover-below")).toMatch(/^α/);
    const [, lossGap, complexityGap] = /L_α - L_β = ([\d.]+), and still λ_β - λ_α = (\d+)/.exec(question("l3-ex-crossover-n"))!.map(Number);
    expectAccepted("l3-ex-crossover-n", crossover(lossGap!, complexityGap!));
  });
});

/** The cells of a markdown table row whose first cell is `label`, as numbers. */
function row(text: string, label: string): number[] {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`| ${label} |`));
  if (!line) throw new Error(`no table row "${label}"`);
  return line.split("|").slice(2, -1).map((cell) => Number(cell.replace(/\*\*/g, "").replace("−", "-").trim()));
}

describe("lesson 4's worked exercise and computed items", () => {
  const text = () => source("conformal-property-alignment");
  const exercise = () => {
    const xs = row(text(), "$x$");
    const fs = row(text(), "$f(x)$");
    const model = ([x]: readonly number[]) => fs[xs.indexOf(x!)]!;
    const x1 = row(text(), "$x_1$");
    const x2 = row(text(), "$x_2$");
    // The tester's partner draw, replayed: query i takes the i-th listed partner.
    let next = 0;
    const pick = () => (next++ + 0.5) / x2.length;
    const { scores } = monotonicityScores(model, x1.map((x) => [x]), x2, "decreasing", 0, pick);
    return Array.from(scores, (v) => Math.round(v * 1e9) / 1e9);
  };

  it("the pair scores V_i, the rejected pairs, the padded risk at zero width and ŝ at α = 0.25", () => {
    const v = exercise();
    expect(v).toEqual([-0.1, 0.3, -0.1, 0.2, -2, 0.1, -0.2, -0.9, -0.4]);
    expectAccepted("l4-ex-v4", v[3]!);
    expect(keys("l4-ex-rejected").map((label) => label.split(" (")[0])).toEqual(v.flatMap((score, i) => (score > 0 ? [`Pair ${i + 1}`] : [])));
    const n = v.length;
    expect(key("l4-ex-padded-zero")).toBe(String(Math.round(((n / (n + 1)) * stepRisk(v, 0) + 1 / (n + 1)) * 1e9) / 1e9));
    expectAccepted("l4-ex-shat-025", calibrateStepLosses(v, 0.25).lambdaHat!);
  });

  it("the items computed from the worked example's list of violations", () => {
    const violations = numbers(/V = \[([^\]]+)\]/.exec(question("l4-padded-risk"))![1]!);
    expect(violations).toHaveLength(9);
    // ":245": at s = 0 six values exceed 0, so the padded risk is (6 + 1)/10.
    expectAccepted("l4-padded-risk", (9 / 10) * stepRisk(violations, 0) + 1 / 10);
    expect(plain(item("l4-lambda-hat-no-finite").choices.find((choice) => plain(choice.labelHtml) === "ŝ = 0")!.feedbackHtml!)).toContain("(6 + 1)/10 = 0.7");
    expect(key("l4-lambda-hat-tie")).toBe(String(calibrateStepLosses(violations, 0.5).lambdaHat));
    expect(calibrateStepLosses(violations, 0.08).lambdaHat).toBeNull();
    expect(key("l4-lambda-hat-no-finite")).toBe("No finite ŝ exists");
    // Split conformal's threshold is CRC's with the miscoverage loss: the second largest of 24 scores.
    const scores = Array.from({ length: 24 }, (_, i) => i + 1);
    expect(calibrateStepLosses(scores, 0.1).lambdaHat).toBe(23);
    expect(key("l4-split-conformal-quantile")).toBe(`The ${Math.ceil(25 * 0.9)}rd smallest`);
    expect(key("l4-theorem1-bound")).toBe(String(0.05 / 0.25));
    expect(key("l4-amplification")).toBe(`ρ′ = ${Math.round((1 - 0.8 ** 3) * 1000) / 1000}, n′ = ${Math.floor(900 / 3)}`);
  });
});

describe("lesson 5's worked exercise and computed items", () => {
  const text = () => source("evaluation-and-deployment");
  const calibration = () => {
    const line = text().split("\n").find((candidate) => /^0\.\d+(, 0\.\d+){18}$/.test(candidate))!;
    return sortedCopy(numbers(line));
  };

  it("the KS statistic, the thresholds at α = 0.1 and 0.2, the alarms for 0.12, and the level with none", () => {
    expectAccepted("l5-ex-ks", ksStatistic(sortedCopy(row(text(), "reference")), sortedCopy(row(text(), "**window**"))));
    expect(calibration()).toHaveLength(19);
    expect(key("l5-ex-threshold")).toBe(String(calibratedThreshold(calibration(), 0.1)));
    expectAccepted("l5-ex-threshold-02", calibratedThreshold(calibration(), 0.2));
    const levels = item("l5-ex-alarm").choices.map((choice) => plain(choice.labelHtml));
    expect(keys("l5-ex-alarm")).toEqual(levels.filter((label) => 0.12 > calibratedThreshold(calibration(), Number(label.replace("α = ", "")))));
    expect(calibratedThreshold(calibration(), 0.04)).toBe(Number.POSITIVE_INFINITY);
    expect(key("l5-ex-never")).toBe("It never raises an alarm");
  });

  it("the expected published score, the linear attack and the monitor's false alarms", () => {
    const outcomes = [-1, 1].flatMap((a) => [-1, 1].map((b) => Math.max(a, b)));
    expect(key("l5-leaderboard-inflation")).toBe(`q + ${outcomes.reduce((sum, value) => sum + value, 0) / outcomes.length}`);
    const w = [3, -1, 2];
    expect(key("l5-fgsm-linear")).toBe(String(Math.round(0.1 * w.reduce((sum, value) => sum + Math.abs(value), 0) * 1e9) / 1e9));
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    const meanFalseAlarms = seeds.reduce((sum, seed) => sum + runShiftMonitor({ shiftSize: 0, windowSize: 100, falseAlarmPercent: 5, seed }).falseAlarmsBefore, 0) / seeds.length;
    expect(Math.abs(meanFalseAlarms - 20 * 0.05)).toBeLessThan(0.3);
    expect(key("l5-monitor-false-alarms")).toBe("About 1");
  });
});
