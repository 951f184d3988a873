// The browser's view of a quiz: stems, choice labels and opaque ids, nothing else.
// Built by copying allowed fields (an allowlist), never by deleting secret ones, so a field added
// to the definition later stays on the server unless someone adds it here on purpose.

import type { PublicQuiz, PublicQuizItem, QuizDefinition, QuizItemDefinition, QuizPolicy } from "./types";

function publicPolicy(policy: QuizPolicy): QuizPolicy {
  const { maxAttempts, showAnswers, grading, shuffle, passMark } = policy;
  return { maxAttempts, showAnswers, grading, shuffle, passMark };
}

function publicItem(item: QuizItemDefinition): PublicQuizItem {
  return {
    id: item.id,
    kind: item.kind,
    promptHtml: item.promptHtml,
    choices: item.choices.map((choice) => ({ id: choice.id, labelHtml: choice.labelHtml })),
  };
}

export function toPublicQuiz(definition: QuizDefinition): PublicQuiz {
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    policy: publicPolicy(definition.policy),
    items: definition.items.map(publicItem),
  };
}
