// Turns one <Quiz> element into a server-side QuizDefinition and a browser-safe PublicQuiz,
// validating its structure and rendering every piece of text to HTML at compile time.
import type { RootContent } from "mdast";
import { DEFAULT_QUIZ_POLICY, defaultReviewOptions } from "../quiz/policy";
import { toPublicQuiz } from "../quiz/public-view";
import type { KeyedChoice, PublicQuiz, QuizDefinition, QuizItemDefinition, QuizPolicy } from "../quiz/types";
import { GRADING_VALUES, REVIEW_WHEN_VALUES, SHOW_ANSWERS_VALUES } from "./components";
import { createDiagnostic, pointOf, type ContentDiagnostic, type SourcePoint } from "./diagnostics";
import { booleanAttribute, getAttribute, numberAttribute, stringAttribute, type JsxElement } from "./jsx-attributes";
import { renderMarkdownToHtml, renderNodesToHtml, type FragmentContext } from "./markdown-html";
import { opaqueChoiceId, quizVersion } from "./quiz-ids";
import { checkItemWriting, type ItemFacts } from "./quiz-item-checks";
import { readNumeric } from "./quiz-numeric";
import { quizParts } from "./quiz-structure";
import type { Reference } from "./schemas";

const DEFAULT_QUIZ_TITLE = "Check your understanding";

export type QuizExtractionContext = {
  file: string;
  source: string;
  courseSlug: string;
  lessonSlug: string;
  references: ReadonlyMap<string, Reference>;
  /** The installation's choice-id secret (quiz-secret.ts), which keys choice ids and versions. */
  salt: string;
  diagnostics: ContentDiagnostic[];
};

export type ExtractedQuiz = {
  definition: QuizDefinition;
  publicQuiz: PublicQuiz;
  at: SourcePoint;
  /** Where each item and choice was written, with its source text, for the item-writing checks. */
  items: Array<ItemFacts>;
};

/** Choice and explanation content before ids and version exist; `source` feeds the version hash. */
type DraftChoice = { labelHtml: string; correct: boolean; feedbackHtml: string | null; source: string; label: string; at: SourcePoint };
type DraftItem = Omit<QuizItemDefinition, "choices"> & { choices: DraftChoice[]; source: string; stem: string; at: SourcePoint };

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

function readPolicy(quiz: JsxElement): QuizPolicy {
  const showAnswers = oneOf(SHOW_ANSWERS_VALUES, stringAttribute(quiz, "showAnswers")) ?? DEFAULT_QUIZ_POLICY.showAnswers;
  const review = defaultReviewOptions(showAnswers);
  const maxAttempts = numberAttribute(quiz, "maxAttempts");
  return {
    maxAttempts: maxAttempts === 0 ? null : (maxAttempts ?? DEFAULT_QUIZ_POLICY.maxAttempts),
    showAnswers,
    review: {
      correctness: oneOf(REVIEW_WHEN_VALUES, stringAttribute(quiz, "showCorrectness")) ?? review.correctness,
      marks: oneOf(REVIEW_WHEN_VALUES, stringAttribute(quiz, "showMarks")) ?? review.marks,
      specificFeedback: oneOf(SHOW_ANSWERS_VALUES, stringAttribute(quiz, "showFeedback")) ?? review.specificFeedback,
      generalFeedback: oneOf(SHOW_ANSWERS_VALUES, stringAttribute(quiz, "showExplanation")) ?? review.generalFeedback,
    },
    grading: oneOf(GRADING_VALUES, stringAttribute(quiz, "grading")) ?? DEFAULT_QUIZ_POLICY.grading,
    shuffle: booleanAttribute(quiz, "shuffle") ?? DEFAULT_QUIZ_POLICY.shuffle,
    passMark: numberAttribute(quiz, "passMark") ?? DEFAULT_QUIZ_POLICY.passMark,
  };
}

/** The author's own text, whitespace-collapsed: the version should change with content, not with renderer upgrades. */
function sourceOf(nodes: readonly RootContent[], context: QuizExtractionContext): string {
  const first = nodes[0]?.position?.start.offset;
  const last = nodes[nodes.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return "";
  return context.source.slice(first, last).replace(/\s+/g, " ").trim();
}

function hasContent(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => !(node.type === "text" && node.value.trim() === ""));
}

type Renderer = {
  attribute(element: JsxElement, name: string, inline: boolean): string | null;
  nodes(nodes: RootContent[], at: SourcePoint, inline: boolean): string;
};

function createRenderer(context: QuizExtractionContext): Renderer {
  const report = (fragment: FragmentContext) => {
    for (const problem of fragment.problems) context.diagnostics.push(createDiagnostic(context.file, problem.at, problem.message));
  };
  return {
    attribute(element, name, inline) {
      const value = stringAttribute(element, name);
      if (value === undefined) return null;
      const fragment: FragmentContext = { references: context.references, fallback: pointOf(getAttribute(element, name)?.node, pointOf(element)), problems: [] };
      const html = renderMarkdownToHtml(value, fragment, { inline });
      report(fragment);
      return html;
    },
    nodes(nodes, at, inline) {
      const fragment: FragmentContext = { references: context.references, fallback: at, problems: [] };
      const html = renderNodesToHtml(nodes, fragment, { inline });
      report(fragment);
      return html;
    },
  };
}

/** Explanation content as blocks: an inline <Explanation>…</Explanation> holds phrasing, so wrap it. */
function explanationNodes(element: JsxElement): RootContent[] {
  if (element.type === "mdxJsxTextElement") return [{ type: "paragraph", children: element.children }];
  return element.children;
}

function readExplanation(item: JsxElement, explanations: JsxElement[], render: Renderer, context: QuizExtractionContext): { html: string | null; source: string } {
  const at = pointOf(item);
  const name = item.name ?? "";
  for (const extra of explanations.slice(1)) context.diagnostics.push(createDiagnostic(context.file, pointOf(extra, at), `<${name}> has more than one <Explanation>`));
  const explanation = explanations[0];
  if (!explanation) {
    context.diagnostics.push(createDiagnostic(context.file, at, `<${name} id="${stringAttribute(item, "id") ?? ""}"> has no <Explanation>; every item should explain its answer and cite its source`, "warning"));
    return { html: null, source: "" };
  }
  const nodes = explanationNodes(explanation);
  return { html: render.nodes(nodes, pointOf(explanation, at), false), source: sourceOf(explanation.children, context) };
}

function extractMultipleChoice(item: JsxElement, render: Renderer, context: QuizExtractionContext): DraftItem {
  const at = pointOf(item);
  const id = stringAttribute(item, "id") ?? "";
  const multiple = booleanAttribute(item, "multiple") ?? false;
  const choices: DraftChoice[] = [];
  const explanations: JsxElement[] = [];
  for (const part of quizParts(item.children)) {
    if (part.kind === "element" && part.element.name === "Choice") {
      const choice = part.element;
      const children = choice.children as RootContent[];
      if (!hasContent(children)) context.diagnostics.push(createDiagnostic(context.file, pointOf(choice, at), "<Choice> needs a label between its tags"));
      choices.push({
        labelHtml: render.nodes(children, pointOf(choice, at), true),
        correct: booleanAttribute(choice, "correct") ?? false,
        feedbackHtml: render.attribute(choice, "feedback", true),
        source: `${sourceOf(children, context)}|${stringAttribute(choice, "feedback") ?? ""}`,
        label: sourceOf(children, context),
        at: pointOf(choice, at),
      });
    } else if (part.kind === "element" && part.element.name === "Explanation") {
      explanations.push(part.element);
    } else {
      const node = part.kind === "element" ? part.element : part.node;
      context.diagnostics.push(createDiagnostic(context.file, pointOf(node, at), `<MultipleChoice> may contain only <Choice> and <Explanation>`));
    }
  }
  reportRepeatedLabels(id, choices, context);
  if (choices.length < 2) context.diagnostics.push(createDiagnostic(context.file, at, `<MultipleChoice id="${id}"> needs at least two <Choice> elements, found ${choices.length}`));
  const correctCount = choices.filter((choice) => choice.correct).length;
  if (!multiple && correctCount !== 1) {
    const message =
      correctCount === 0
        ? `<MultipleChoice id="${id}"> has no correct choice; mark exactly one <Choice correct>`
        : `<MultipleChoice id="${id}"> has ${correctCount} correct choices but is single-answer; mark exactly one, or add \`multiple\``;
    context.diagnostics.push(createDiagnostic(context.file, at, message));
  }
  if (multiple && correctCount === 0) context.diagnostics.push(createDiagnostic(context.file, at, `<MultipleChoice id="${id}" multiple> needs at least one <Choice correct>`));
  const explanation = readExplanation(item, explanations, render, context);
  const question = stringAttribute(item, "question") ?? "";
  return {
    id,
    kind: multiple ? "multiple" : "single",
    promptHtml: render.attribute(item, "question", true) ?? "",
    choices,
    explanationHtml: explanation.html,
    source: `${question}|${explanation.source}`,
    stem: question,
    at,
  };
}

/** Choice ids are derived from the label, so two choices with one label would share an id (and confuse learners). */
function reportRepeatedLabels(itemId: string, choices: readonly DraftChoice[], context: QuizExtractionContext) {
  const seen = new Map<string, SourcePoint>();
  for (const choice of choices) {
    const earlier = seen.get(choice.label);
    if (earlier) context.diagnostics.push(createDiagnostic(context.file, choice.at, `<MultipleChoice id="${itemId}"> has two choices with the same text (the first at ${earlier.line}:${earlier.column})`));
    else seen.set(choice.label, choice.at);
  }
}

function extractTrueFalse(item: JsxElement, render: Renderer, context: QuizExtractionContext): DraftItem {
  const at = pointOf(item);
  const answer = booleanAttribute(item, "answer");
  const explanations: JsxElement[] = [];
  for (const part of quizParts(item.children)) {
    if (part.kind === "element" && part.element.name === "Explanation") explanations.push(part.element);
    else context.diagnostics.push(createDiagnostic(context.file, pointOf(part.kind === "element" ? part.element : part.node, at), "<TrueFalse> may contain only <Explanation>"));
  }
  const explanation = readExplanation(item, explanations, render, context);
  const statement = stringAttribute(item, "statement") ?? "";
  const choice = (label: "True" | "False", value: boolean, feedbackAttribute: string): DraftChoice => ({
    labelHtml: label,
    correct: answer === value,
    feedbackHtml: render.attribute(item, feedbackAttribute, true),
    source: `${label}|${stringAttribute(item, feedbackAttribute) ?? ""}`,
    label,
    at,
  });
  return {
    id: stringAttribute(item, "id") ?? "",
    kind: "truefalse",
    promptHtml: render.attribute(item, "statement", true) ?? "",
    choices: [choice("True", true, "feedbackTrue"), choice("False", false, "feedbackFalse")],
    explanationHtml: explanation.html,
    source: `${statement}|${String(answer)}|${explanation.source}`,
    stem: statement,
    at,
  };
}

function extractNumeric(item: JsxElement, render: Renderer, context: QuizExtractionContext): DraftItem {
  const at = pointOf(item);
  const report = (node: Parameters<typeof pointOf>[0], message: string) => context.diagnostics.push(createDiagnostic(context.file, pointOf(node, at), message));
  const numeric = readNumeric(item, (name) => render.attribute(item, name, true), report);
  const explanation = readExplanation(item, numeric.explanations, render, context);
  const question = stringAttribute(item, "question") ?? "";
  return {
    id: stringAttribute(item, "id") ?? "",
    kind: "numeric",
    promptHtml: render.attribute(item, "question", true) ?? "",
    choices: [],
    explanationHtml: explanation.html,
    numericKey: numeric.key,
    ...(numeric.units ? { units: numeric.units } : {}),
    source: `${question}|${numeric.source}|${explanation.source}`,
    stem: question,
    at,
  };
}

export function extractQuiz(quiz: JsxElement, context: QuizExtractionContext): ExtractedQuiz {
  const at = pointOf(quiz);
  const render = createRenderer(context);
  const id = stringAttribute(quiz, "id") ?? "";
  const drafts: DraftItem[] = [];
  for (const part of quizParts(quiz.children)) {
    if (part.kind === "element" && part.element.name === "MultipleChoice") drafts.push(extractMultipleChoice(part.element, render, context));
    else if (part.kind === "element" && part.element.name === "TrueFalse") drafts.push(extractTrueFalse(part.element, render, context));
    else if (part.kind === "element" && part.element.name === "Numeric") drafts.push(extractNumeric(part.element, render, context));
    else context.diagnostics.push(createDiagnostic(context.file, pointOf(part.kind === "element" ? part.element : part.node, at), "<Quiz> may contain only <MultipleChoice>, <TrueFalse> and <Numeric> items"));
  }
  if (drafts.length === 0) context.diagnostics.push(createDiagnostic(context.file, at, `<Quiz id="${id}"> has no items; add a <MultipleChoice>, <TrueFalse> or <Numeric>`));

  const title = stringAttribute(quiz, "title") ?? DEFAULT_QUIZ_TITLE;
  const policy = readPolicy(quiz);
  const version = quizVersion(
    { id, title, policy, items: drafts.map((draft) => ({ id: draft.id, kind: draft.kind, source: draft.source, choices: draft.choices.map((choice) => [choice.source, choice.correct]) })) },
    context.salt,
  );
  const items: QuizItemDefinition[] = drafts.map((draft) => ({
    id: draft.id,
    kind: draft.kind,
    promptHtml: draft.promptHtml,
    explanationHtml: draft.explanationHtml,
    ...(draft.numericKey ? { numericKey: draft.numericKey } : {}),
    ...(draft.units ? { units: draft.units } : {}),
    choices: draft.choices.map((choice): KeyedChoice => ({
      id: opaqueChoiceId(context.salt, id, draft.id, choice.label),
      labelHtml: choice.labelHtml,
      correct: choice.correct,
      feedbackHtml: choice.feedbackHtml,
    })),
  }));
  const definition: QuizDefinition = { id, version, title, policy, courseSlug: context.courseSlug, lessonSlug: context.lessonSlug, items };
  const facts = drafts.map((draft): ItemFacts => ({ id: draft.id, kind: draft.kind, at: draft.at, stem: draft.stem, choices: draft.choices.map(({ label, correct, at: where }) => ({ text: label, correct, at: where })) }));
  context.diagnostics.push(...checkItemWriting(context.file, facts));
  return { definition, publicQuiz: toPublicQuiz(definition), at, items: facts };
}
