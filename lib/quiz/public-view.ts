// The browser's view of a quiz: stems, choice labels and opaque ids, nothing else.
// Built by copying allowed fields (an allowlist), never by deleting secret ones, so a field added
// to the definition later stays on the server unless someone adds it here on purpose.
// Choices ship sorted by their keyed ids, so the order in the page (HTML and RSC payload, the same bytes for
// everyone) says nothing about the author's order or the key; the learner's own order is applied in the
// browser (shuffle.ts). A quiz with shuffle={false} ships, and shows, the author's order.

import type { PublicQuiz, PublicQuizItem, PublicQuizPolicy, QuizDefinition, QuizItemDefinition, QuizPolicy } from "./types";

function publicPolicy(policy: QuizPolicy): PublicQuizPolicy {
  const { maxAttempts, showAnswers, grading, shuffle, passMark } = policy;
  return { maxAttempts, showAnswers, grading, shuffle, passMark };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function publicItem(item: QuizItemDefinition, shuffle: boolean): PublicQuizItem {
  const choices = item.choices.map((choice) => ({ id: choice.id, labelHtml: choice.labelHtml }));
  return {
    id: item.id,
    kind: item.kind,
    promptHtml: item.promptHtml,
    // True/false keeps "True, False"; its labels say which is which anyway.
    choices: shuffle && item.kind !== "truefalse" ? choices.sort(byId) : choices,
    ...(item.units ? { units: item.units } : {}),
  };
}

export function toPublicQuiz(definition: QuizDefinition): PublicQuiz {
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    policy: publicPolicy(definition.policy),
    items: definition.items.map((item) => publicItem(item, definition.policy.shuffle)),
  };
}
