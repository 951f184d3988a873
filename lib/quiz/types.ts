// The quiz data model, shared by compile-time extraction (lib/content), grading (lib/quiz) and the UI.
// PublicQuiz is all the browser ever receives before a submit; QuizDefinition adds the key and stays on the server.

export type ShowAnswersPolicy = "after-submit" | "after-last-attempt" | "after-correct" | "never";
export type GradingMethod = "highest" | "last" | "first" | "average";
export type QuizItemKind = "single" | "multiple" | "truefalse";

export type QuizPolicy = {
  /** null means unlimited attempts. */
  maxAttempts: number | null;
  showAnswers: ShowAnswersPolicy;
  grading: GradingMethod;
  shuffle: boolean;
  /** Fraction of the maximum score needed to pass, 0..1. */
  passMark: number;
};

export type PublicChoice = {
  /** Opaque: reveals neither the position nor the key. */
  id: string;
  /** Rendered at compile time from the author's markdown. */
  labelHtml: string;
};

export type PublicQuizItem = {
  id: string;
  kind: QuizItemKind;
  promptHtml: string;
  choices: PublicChoice[];
};

export type PublicQuiz = {
  id: string;
  /** Content hash of the quiz's definition: attempts always refer to the version they were graded against. */
  version: string;
  title: string;
  policy: QuizPolicy;
  items: PublicQuizItem[];
};

export type KeyedChoice = PublicChoice & {
  correct: boolean;
  feedbackHtml: string | null;
};

export type QuizItemDefinition = Omit<PublicQuizItem, "choices"> & {
  choices: KeyedChoice[];
  explanationHtml: string | null;
};

export type QuizDefinition = Omit<PublicQuiz, "items"> & {
  courseSlug: string;
  lessonSlug: string;
  items: QuizItemDefinition[];
};

/** What a learner submits: for each item id, the ids of the choices selected. */
export type QuizResponses = Record<string, string[]>;
