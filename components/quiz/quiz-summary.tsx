import type { QuizReview } from "@/lib/quiz/policy";
import type { PublicQuiz } from "@/lib/quiz/types";
import { formatScore } from "./quiz-state";

/** The score panel after a submit: as much as the policy lets the review carry. */
export function QuizSummary({ quiz, review }: { quiz: PublicQuiz; review: QuizReview }) {
  return (
    <div data-testid="quiz-score" className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
      <p className="font-medium">
        {review.score === null || review.fraction === null
          ? "Submitted"
          : `Score: ${formatScore(review.score)} / ${review.maxScore} (${Math.round(review.fraction * 100)}%)`}{" "}
        — {review.passed ? "passed" : "not passed"}.
      </p>
      {review.standing.grade !== null && (
        <p className="text-sm">
          Your grade for this quiz ({quiz.policy.grading} attempt): {Math.round(review.standing.grade * 100)}%.
        </p>
      )}
      {review.answersShown === "none" && quiz.policy.showAnswers !== "never" && (
        <p className="text-sm">Correct answers and explanations appear {whenAnswersShow(quiz)}.</p>
      )}
    </div>
  );
}

function whenAnswersShow(quiz: PublicQuiz): string {
  switch (quiz.policy.showAnswers) {
    case "after-last-attempt":
      return quiz.policy.maxAttempts === null ? "once you pass" : "after your last attempt";
    case "after-correct":
      return "for each question once you answer it correctly";
    default:
      return "after you submit";
  }
}
