// One quiz's statistics: item table with a facility bar, choice frequencies, flags, and the learner progress table.
import type { QuizAnalytics } from "@/lib/studio/analytics";
import { NumericDistribution } from "@/components/quiz/numeric-distribution";
import { ItemChart } from "./item-chart";

const pct = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);
const num = (value: number | null) => (value === null ? "–" : value.toFixed(2));
const strip = (html: string) => html.replace(/<[^>]+>/g, "");

export function QuizAnalyticsTable({ quiz, learnerName }: { quiz: QuizAnalytics; learnerName: Record<string, string> }) {
  const { definition, stats, progress } = quiz;
  return (
    <section aria-labelledby={`quiz-${definition.id}`} data-testid={`analytics-${definition.id}`} className="space-y-3">
      <h2 id={`quiz-${definition.id}`} className="text-xl font-semibold">
        {definition.title} <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">({definition.lessonSlug} · {definition.id})</span>
      </h2>
      <p className="text-sm">
        {stats.attemptCount} attempts by {stats.learnerCount} learners; {stats.analysedAttemptCount} analysed; mean score {pct(stats.meanFraction)}.
      </p>
      <ItemChart
        label={`Facility against discrimination for the items of ${definition.title}; ${stats.flaggedItemIds.length} with negative discrimination.`}
        points={stats.items.flatMap((item) => (item.facilityIndex !== null && item.discriminationIndex !== null ? [{ itemId: item.itemId, facility: item.facilityIndex, discrimination: item.discriminationIndex }] : []))}
      />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-300 dark:border-zinc-700">
              <th className="p-2">Item</th>
              <th className="p-2">Attempts</th>
              <th className="p-2">Facility</th>
              <th className="p-2">Discrimination</th>
              <th className="p-2">Choices picked or answers given</th>
            </tr>
          </thead>
          <tbody>
            {stats.items.map((item) => {
              const itemDefinition = definition.items.find((candidate) => candidate.id === item.itemId);
              return (
                <tr key={item.itemId} className="border-b border-zinc-200 align-top dark:border-zinc-800" data-flagged={item.negativeDiscrimination ? "true" : "false"}>
                  <td className="p-2">
                    <span className="font-mono">{item.itemId}</span>
                    <span className="block max-w-xs text-zinc-600 dark:text-zinc-400">{strip(itemDefinition?.promptHtml ?? "").slice(0, 120)}</span>
                  </td>
                  <td className="p-2">{item.attempts}</td>
                  <td className="p-2">
                    {pct(item.facilityIndex)}
                    <span aria-hidden className="mt-1 block h-2 w-24 rounded bg-zinc-200 dark:bg-zinc-800">
                      <span className="block h-2 rounded bg-accent-600" style={{ width: `${Math.round((item.facilityIndex ?? 0) * 100)}%` }} />
                    </span>
                  </td>
                  <td className="p-2">
                    {num(item.discriminationIndex)}
                    {item.negativeDiscrimination && <strong className="ml-1 text-red-700 dark:text-red-400">⚠ negative</strong>}
                  </td>
                  <td className="p-2">
                    {item.answers ? <NumericDistribution answers={item.answers} otherAnswers={item.otherAnswers} units={itemDefinition?.units} /> : null}
                    <ul>
                      {item.choices.map((choice, index) => {
                        const label = itemDefinition?.choices.find((candidate) => candidate.id === choice.choiceId)?.labelHtml ?? choice.choiceId;
                        return (
                          <li key={choice.choiceId}>
                            {choice.correct ? "✓" : "·"} {String.fromCharCode(65 + index)}. {strip(label).slice(0, 50)}: {choice.picks} ({pct(choice.frequency)})
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <details>
        <summary className="cursor-pointer">Learner progress ({progress.length})</summary>
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-300 dark:border-zinc-700">
              <th className="p-2">Learner</th>
              <th className="p-2">Attempts</th>
              <th className="p-2">First</th>
              <th className="p-2">Best</th>
              <th className="p-2">Grade</th>
              <th className="p-2">Passed</th>
            </tr>
          </thead>
          <tbody>
            {progress.map((row) => (
              <tr key={row.userId} className="border-b border-zinc-200 dark:border-zinc-800">
                <td className="p-2">{learnerName[row.userId] ?? row.userId}</td>
                <td className="p-2">{row.attempts}</td>
                <td className="p-2">{pct(row.firstFraction)}</td>
                <td className="p-2">{pct(row.bestFraction)}</td>
                <td className="p-2">{pct(row.grade)}</td>
                <td className="p-2">{row.passed ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
