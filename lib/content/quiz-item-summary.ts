// `npm run content:check -- --items`: one line per quiz (items, kinds, policy, item-writing flaws) and the
// course-wide share of single-answer items whose key is the longest option.
import path from "node:path";
import type { CheckedQuiz } from "./check-content";
import { itemWritingFlaws, type ItemWritingFlaw } from "./quiz-item-checks";

const FLAW_LABELS: Record<ItemWritingFlaw, string> = {
  "longest-key": "key longest",
  "all-or-none-of-the-above": "all/none of the above",
  "all-correct": "all correct",
  "one-wrong-option": "one wrong option",
  "repeats-stem": "repeats stem",
};

export function formatItemSummary(quizzes: readonly CheckedQuiz[], cwd = process.cwd()): string[] {
  const lines: string[] = [];
  let singles = 0;
  let longest = 0;
  for (const { file, quiz } of quizzes) {
    const { definition, items } = quiz;
    const kinds = ["single", "multiple", "truefalse", "numeric"].map((kind) => `${items.filter((item) => item.kind === kind).length} ${kind}`).join(", ");
    const counts = new Map<ItemWritingFlaw, number>();
    for (const item of items) for (const { flaw } of itemWritingFlaws(item)) counts.set(flaw, (counts.get(flaw) ?? 0) + 1);
    singles += items.filter((item) => item.kind === "single").length;
    longest += counts.get("longest-key") ?? 0;
    const { maxAttempts, showAnswers, shuffle } = definition.policy;
    const flaws = [...counts].map(([flaw, count]) => `${FLAW_LABELS[flaw]} ×${count}`).join(", ") || "no flaws";
    lines.push(
      `${definition.id} (${path.relative(cwd, file)}:${quiz.at.line}): ${items.length} items (${kinds}); ` +
        `${maxAttempts ?? "unlimited"} attempts, answers ${showAnswers}, ${shuffle ? "shuffled" : "author's order"}; ${flaws}`,
    );
  }
  const share = singles === 0 ? 0 : Math.round((100 * longest) / singles);
  lines.push(`items: the key is the longest option in ${longest} of ${singles} single-answer items (${share}%)`);
  return lines;
}
