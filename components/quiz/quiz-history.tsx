import type { AttemptSummary } from "./quiz-api";
import { formatScore } from "./quiz-state";

export function QuizHistory({ attempts }: { attempts: AttemptSummary[] }) {
  if (attempts.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Earlier attempts ({attempts.length})</summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">Your attempts at this quiz</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4">Attempt</th>
            <th scope="col" className="pr-4">Score</th>
            <th scope="col" className="pr-4">Result</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.attemptNumber}>
              <td className="pr-4">{attempt.attemptNumber}</td>
              <td className="pr-4">
                {attempt.score === null ? "–" : formatScore(attempt.score)} / {attempt.maxScore}
              </td>
              <td className="pr-4">{attempt.passed ? "Passed" : "Not passed"}</td>
              <td>
                <time dateTime={attempt.createdAt}>{new Date(attempt.createdAt).toLocaleString()}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
