// Item-writing checks (warnings, at file:line:col): the flaws that let a test-wise learner answer without
// knowing the material. The key is the strictly longest option; "all/none of the above"; a multiple-answer
// item that is all correct or has a single wrong option (select-all then scores, or the odd one out is the
// answer); an option that repeats the stem's wording (a clang cue). Pure: facts in, diagnostics out.
import type { QuizItemKind } from "../quiz/types";
import { createDiagnostic, type ContentDiagnostic, type SourcePoint } from "./diagnostics";

export type ItemFacts = {
  id: string;
  kind: QuizItemKind;
  at: SourcePoint;
  /** The question or statement as written. */
  stem: string;
  choices: Array<{ text: string; correct: boolean; at: SourcePoint }>;
};

export type ItemWritingFlaw = "longest-key" | "all-or-none-of-the-above" | "all-correct" | "one-wrong-option" | "repeats-stem";

const ABOVE = /\b(?:all|none|both|neither) of the (?:above|others)\b/i;
/** Words too common to count as a shared wording. */
const STOP_WORDS = new Set("a an and are as at be by for from in is it its of on or that the this to was were what which who why with".split(" "));
const RUN = 3;

function words(text: string): string[] {
  return text
    .replace(/\$[^$]*\$/g, " ")
    .replace(/<[^>]*>/g, " ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A run of RUN consecutive words of the choice, at least two of them not stop words, that also occurs in the stem. */
export function repeatsStem(stem: string, choice: string): boolean {
  const stemText = ` ${words(stem).join(" ")} `;
  const choiceWords = words(choice);
  for (let i = 0; i + RUN <= choiceWords.length; i++) {
    const run = choiceWords.slice(i, i + RUN);
    if (run.filter((word) => !STOP_WORDS.has(word)).length < 2) continue;
    if (stemText.includes(` ${run.join(" ")} `)) return true;
  }
  return false;
}

/** Plain length of an option as a learner sees it: markup and math source do not count double. */
const visibleLength = (text: string) => words(text).join(" ").length;

export function itemWritingFlaws(item: ItemFacts): Array<{ flaw: ItemWritingFlaw; at: SourcePoint; message: string }> {
  const flaws: Array<{ flaw: ItemWritingFlaw; at: SourcePoint; message: string }> = [];
  if (item.kind === "truefalse") return flaws;
  const keys = item.choices.filter((choice) => choice.correct);
  const wrong = item.choices.filter((choice) => !choice.correct);
  if (item.kind === "single" && keys.length === 1 && wrong.length > 0) {
    const keyLength = visibleLength(keys[0]!.text);
    if (wrong.every((choice) => visibleLength(choice.text) < keyLength)) {
      flaws.push({ flaw: "longest-key", at: keys[0]!.at, message: `<MultipleChoice id="${item.id}">: the correct option is the longest; test-wise learners pick the longest option` });
    }
  }
  for (const choice of item.choices) {
    if (ABOVE.test(choice.text)) flaws.push({ flaw: "all-or-none-of-the-above", at: choice.at, message: `<MultipleChoice id="${item.id}">: "${ABOVE.exec(choice.text)![0]}" as an option; write a real option instead` });
    if (item.stem && repeatsStem(item.stem, choice.text)) flaws.push({ flaw: "repeats-stem", at: choice.at, message: `<MultipleChoice id="${item.id}">: an option repeats the question's wording, a cue that gives it away or a trap` });
  }
  if (item.kind === "multiple" && wrong.length === 0) flaws.push({ flaw: "all-correct", at: item.at, message: `<MultipleChoice id="${item.id}" multiple>: every option is correct, so selecting everything gets full marks` });
  if (item.kind === "multiple" && wrong.length === 1) flaws.push({ flaw: "one-wrong-option", at: item.at, message: `<MultipleChoice id="${item.id}" multiple>: only one wrong option; add at least one more plausible wrong option` });
  return flaws;
}

export function checkItemWriting(file: string, items: readonly ItemFacts[]): ContentDiagnostic[] {
  return items.flatMap((item) => itemWritingFlaws(item).map((flaw) => createDiagnostic(file, flaw.at, flaw.message, "warning")));
}
