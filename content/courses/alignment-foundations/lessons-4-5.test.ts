// Lessons 4 and 5, second edition (issue #15): the item-writing targets, and every number in their worked
// exercises and computed items recomputed from the lesson's own text with the code the sandbox and the
// figures run (lib/conformal, lib/figures), so a key that disagrees with the working fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { calibrateStepLosses, stepRisk } from "@/lib/conformal/crc";
import { monotonicityScores } from "@/lib/conformal/testers";
import { analyzeLesson } from "@/lib/content/analyze-lesson";
import { readItemIntents, summariseIntents } from "@/lib/content/item-intent";
import { readCourseManifest } from "@/lib/content/manifest";
import type { QuizItemDefinition } from "@/lib/quiz/types";
import { runShiftMonitor } from "@/lib/figures/distribution-shift";
import { calibratedThreshold, ksStatistic, sortedCopy } from "@/lib/figures/two-sample-test";

const COURSE_DIR = path.join("content", "courses", "alignment-foundations");
const LESSONS = ["conformal-property-alignment", "evaluation-and-deployment"] as const;

const source = (slug: string) => readFileSync(path.join(COURSE_DIR, `${slug}.mdx`), "utf8");
const plain = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&#39;/g, "'").replace(/&[a-z#0-9]+;/gi, "x").trim();

let lessonOrder: string[];
const items = new Map<string, QuizItemDefinition>();
const itemsByLesson = new Map<string, QuizItemDefinition[]>();
const intentsByLesson = new Map<string, ReturnType<typeof readItemIntents>>();

beforeAll(async () => {
  lessonOrder = (await readCourseManifest(COURSE_DIR)).manifest!.lessons;
  for (const slug of LESSONS) {
    const file = path.join(COURSE_DIR, `${slug}.mdx`);
    const analysis = await analyzeLesson({ source: source(slug), file, courseSlug: "alignment-foundations", expectedSlug: slug });
    expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const lessonItems = analysis.collector!.quizzes.flatMap((quiz) => quiz.definition.items);
    for (const item of lessonItems) items.set(item.id, item);
    itemsByLesson.set(slug, lessonItems);
    intentsByLesson.set(slug, readItemIntents(source(slug)));
  }
}, 60_000);

const itemsOf = (slug: string) => itemsByLesson.get(slug)!;
const intentsOf = (slug: string) => intentsByLesson.get(slug)!;
const earlier = (slug: string) => lessonOrder.slice(0, lessonOrder.indexOf(slug));
const key = (id: string) => plain(items.get(id)!.choices.find((choice) => choice.correct)!.labelHtml);
const keys = (id: string) => items.get(id)!.choices.filter((choice) => choice.correct).map((choice) => plain(choice.labelHtml));

describe.each(LESSONS)("second edition of %s", (slug) => {
  it("marks at least half of its quiz items as applying an idea", () => {
    const summary = summariseIntents(intentsOf(slug), earlier(slug));
    expect(summary.items).toBe(itemsOf(slug).length);
    expect(summary.applyShare, `${summary.apply} of ${summary.items}`).toBeGreaterThanOrEqual(0.5);
  });

  it("revisits earlier lessons, each named correctly, in at least two items", () => {
    const marked = intentsOf(slug).filter((item) => item.revisits !== null);
    expect(marked.map((item) => item.revisits).filter((target) => !earlier(slug).includes(target!))).toEqual([]);
    expect(summariseIntents(marked, earlier(slug)).revisiting.length).toBeGreaterThanOrEqual(2);
  });

  it("has a worked exercise in its text, graded by items that apply it", () => {
    expect(source(slug)).toMatch(/\n### Worked exercise: /);
    const exercises = summariseIntents(intentsOf(slug), earlier(slug)).exercises;
    expect(exercises.length).toBeGreaterThanOrEqual(2);
    expect(exercises.every((item) => item.intent === "apply")).toBe(true);
  });

  it("keeps the key the strictly longest option in at most 30% of single-answer items, with no catch-alls", () => {
    const single = itemsOf(slug).filter((item) => item.kind === "single");
    const longest = single.filter((item) => {
      const length = key(item.id).length;
      return item.choices.every((choice) => choice.correct || plain(choice.labelHtml).length < length);
    });
    expect(longest.length / single.length, longest.map((item) => item.id).join(", ")).toBeLessThanOrEqual(0.3);
    for (const item of itemsOf(slug)) {
      for (const choice of item.choices) expect(plain(choice.labelHtml), item.id).not.toMatch(/\b(all|none) of the above\b/i);
      if (item.kind === "multiple") expect(item.choices.filter((choice) => !choice.correct).length, item.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("leaves the attempt policy to the course default, and ends with reading and two discussion prompts", () => {
    const text = source(slug);
    for (const tag of text.match(/<Quiz\b[^>]*>/g) ?? []) expect(tag).not.toMatch(/\b(maxAttempts|showAnswers|shuffle|grading|passMark)=/);
    const reading = text.slice(text.indexOf("\n## Reading and discussion\n"), text.indexOf("\n## References\n"));
    for (const heading of ["### Core reading", "### Further reading"]) {
      const list = reading.split(heading)[1]!.split("\n###")[0]!.split("\n").filter((line) => line.startsWith("- "));
      expect(list.length, heading).toBeGreaterThanOrEqual(1);
      expect(list.every((line) => /<Cite id="[^"]+" \/>/.test(line)), heading).toBe(true);
    }
    expect(reading.split("### Discussion prompts")[1]!.split("\n").filter((line) => /^\d+\. /.test(line))).toHaveLength(2);
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

  it("the pair scores V_i follow from the two tables", () => {
    expect(exercise()).toEqual([-0.1, 0.3, -0.1, 0.2, -2, 0.1, -0.2, -0.9, -0.4]);
    expect(key("l4-ex-pair-v")).toBe(String(exercise()[3]));
    const rejected = exercise().flatMap((v, i) => (v > 0 ? [`Pair ${i + 1}`] : []));
    expect(keys("l4-ex-rejected").map((label) => label.split(" (")[0])).toEqual(rejected);
  });

  it("the padded risk at zero width, ŝ at α = 0.25 and the symmetric split", () => {
    const v = exercise();
    const n = v.length;
    const padded = (n / (n + 1)) * stepRisk(v, 0) + 1 / (n + 1);
    expect(key("l4-ex-padded-zero")).toBe(String(Math.round(padded * 1e9) / 1e9));
    const shat = calibrateStepLosses(v, 0.25).lambdaHat!;
    expect(shat).toBeCloseTo(0.2, 12);
    expect(key("l4-ex-shat")).toBe(`ŝ = ${shat}, so λ⁻ = λ⁺ = ${shat / 2}`);
  });

  it("the items computed from the worked example's lists", () => {
    const violations = [-0.3, -0.1, 0, 0.02, 0.05, 0.1, 0.15, 0.3, 0.5];
    expect(key("l4-lambda-hat-tie")).toBe(String(calibrateStepLosses(violations, 0.5).lambdaHat));
    expect(calibrateStepLosses(violations, 0.08).lambdaHat).toBeNull();
    expect(key("l4-lambda-hat-no-finite")).toBe("No finite ŝ exists");
    // ":245": at s = 0 six values exceed 0, so the padded risk is (6 + 1)/10.
    expect((9 / 10) * stepRisk(violations, 0) + 1 / 10).toBeCloseTo(0.7, 12);
    expect(plain(items.get("l4-lambda-hat-no-finite")!.choices.find((choice) => plain(choice.labelHtml) === "ŝ = 0")!.feedbackHtml!)).toContain("(6 + 1)/10 = 0.7");
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
    return sortedCopy(line.split(", ").map(Number));
  };

  it("the KS statistic between the two five-point samples", () => {
    const d = ksStatistic(sortedCopy(row(text(), "reference")), sortedCopy(row(text(), "**window**")));
    expect(d).toBeCloseTo(0.6, 12);
    expect(key("l5-ex-ks-statistic")).toBe(d.toFixed(1));
  });

  it("the alarm thresholds, the alarms for a window scoring 0.12, and the level with no threshold", () => {
    expect(calibration()).toHaveLength(19);
    expect(key("l5-ex-threshold")).toBe(String(calibratedThreshold(calibration(), 0.1)));
    const alarmingLevels = items.get("l5-ex-alarm")!.choices.map((choice) => plain(choice.labelHtml)).filter((label) => 0.12 > calibratedThreshold(calibration(), Number(label.replace("α = ", ""))));
    expect(keys("l5-ex-alarm")).toEqual(alarmingLevels);
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
