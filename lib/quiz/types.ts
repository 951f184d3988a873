// The quiz data model, shared by compile-time extraction (lib/content), grading (lib/quiz) and the UI.
// PublicQuiz is all the browser ever receives before a submit; QuizDefinition adds the key and stays on the server.

/** When a piece of the review may show (Moodle's review options, in our vocabulary). */
export type ShowAnswersPolicy = "after-submit" | "after-last-attempt" | "after-correct" | "never";
/** "after-correct" is per item, so it cannot time whether-correct or marks (it would itself reveal them). */
type ReviewWhen = Exclude<ShowAnswersPolicy, "after-correct">;
export type GradingMethod = "highest" | "last" | "first" | "average";
export type QuizItemKind = "single" | "multiple" | "truefalse" | "numeric";

/**
 * The review options besides the right answer, each with its own "when", as in Moodle. See
 * docs/decisions/0010-what-the-browser-may-learn.md for what each reveals and the rules that bind them.
 */
type ReviewOptions = {
  /** Whether each item was right, partly right or wrong. */
  correctness: ReviewWhen;
  /** The score of each item and of the attempt. */
  marks: ReviewWhen;
  /** The feedback written on the chosen choices (Choice feedback, feedbackTrue/feedbackFalse). */
  specificFeedback: ShowAnswersPolicy;
  /** The item's <Explanation>. */
  generalFeedback: ShowAnswersPolicy;
};

export type QuizPolicy = {
  /** null means unlimited attempts. */
  maxAttempts: number | null;
  /** When the right answer shows. */
  showAnswers: ShowAnswersPolicy;
  review: ReviewOptions;
  grading: GradingMethod;
  shuffle: boolean;
  /** Fraction of the maximum score needed to pass, 0..1. */
  passMark: number;
};

/** What the page says about the policy; the review options stay on the server (the review itself applies them). */
export type PublicQuizPolicy = Omit<QuizPolicy, "review">;

type PublicChoice = {
  /**
   * Opaque: a keyed hash (the installation's secret) of the quiz, the item and the choice's own text, so it reveals
   * neither the position nor the key, and stays the same across versions while the text does not change.
   */
  id: string;
  /** Rendered at compile time from the author's markdown. */
  labelHtml: string;
};

export type PublicQuizItem = {
  id: string;
  kind: QuizItemKind;
  promptHtml: string;
  /** Shipped sorted by id (not in the author's order) unless the quiz opts out of shuffling. Empty for numeric items. */
  choices: PublicChoice[];
  /** Numeric items: the units shown beside the input (plain text), if any. */
  units?: string;
};

export type PublicQuiz = {
  id: string;
  /**
   * Keyed hash of the quiz's definition: attempts always refer to the version they were graded against, and a
   * submission is accepted only against the current one. Keyed, because a plain hash of the text and the key
   * would let anyone test which choices are correct.
   */
  version: string;
  title: string;
  policy: PublicQuizPolicy;
  items: PublicQuizItem[];
};

export type KeyedChoice = PublicChoice & {
  correct: boolean;
  feedbackHtml: string | null;
};

/** The key of a numeric item: decimals as the author wrote them, compared exactly (lib/quiz/decimal.ts). */
export type NumericKey = {
  answer: string;
  tolerance: { kind: "absolute" | "relative"; value: string };
  feedbackCorrectHtml: string | null;
  feedbackIncorrectHtml: string | null;
};

export type QuizItemDefinition = Omit<PublicQuizItem, "choices"> & {
  choices: KeyedChoice[];
  explanationHtml: string | null;
  /** Numeric items only. */
  numericKey?: NumericKey;
};

export type QuizDefinition = Omit<PublicQuiz, "items" | "policy"> & {
  policy: QuizPolicy;
  courseSlug: string;
  lessonSlug: string;
  items: QuizItemDefinition[];
};

/** What a learner submits: for each item id, the ids of the choices selected, or for a numeric item the typed number as its one entry. */
export type QuizResponses = Record<string, string[]>;
