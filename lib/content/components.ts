// The allowlist of components a lesson may use, with a rule for every prop.
// components/mdx supplies the implementations at render time; this file decides what compiles.
import { createDiagnostic, pointOf, type ContentDiagnostic } from "./diagnostics";
import { isSpreadAttribute, readAttributes, type AttributeValue, type JsxElement } from "./jsx-attributes";
import { SLUG_PATTERN } from "./schemas";

type PropRule =
  | { kind: "string"; required?: boolean; oneOf?: readonly string[]; pattern?: RegExp; patternHint?: string }
  | { kind: "boolean"; required?: boolean }
  | { kind: "number"; required?: boolean; integer?: boolean; min?: number; max?: number };

export type ComponentRule = {
  props: Record<string, PropRule>;
  /** Whether the element may have content between its tags. */
  children: boolean;
  /** The only components this one may sit directly inside (ignoring paragraphs). */
  parents?: readonly string[];
  /** Extra checks across props, e.g. Figure's alt when src is given. */
  check?: (values: Map<string, AttributeValue>) => string | null;
};

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const id = { kind: "string", required: true, pattern: ID_PATTERN, patternHint: "letters, digits, - and _" } as const;

export const SHOW_ANSWERS_VALUES = ["after-submit", "after-last-attempt", "after-correct", "never"] as const;
/** "after-correct" is per item and would itself reveal correctness or marks, so those two cannot use it. */
export const REVIEW_WHEN_VALUES = ["after-submit", "after-last-attempt", "never"] as const;
export const GRADING_VALUES = ["highest", "last", "first", "average"] as const;
const CALLOUT_TYPES = ["note", "tip", "warning", "key"] as const;
/** What an item asks of the learner: recall a fact, or apply an idea (compute, predict, choose, diagnose). */
const ITEM_INTENTS = ["recall", "apply"] as const;

/**
 * What an author may say about an item's purpose; course tests hold a course to its targets with them
 * (lib/content/item-intent.ts). `revisits` names an earlier lesson the item retrieves (spaced retrieval);
 * `exercise` marks an item that grades a worked exercise in the lesson.
 */
const itemIntentProps = {
  intent: { kind: "string", oneOf: ITEM_INTENTS },
  revisits: { kind: "string", pattern: SLUG_PATTERN, patternHint: "a lesson slug: lowercase words joined by hyphens" },
  exercise: { kind: "boolean" },
} as const;

export const COMPONENT_RULES = {
  Callout: { props: { type: { kind: "string", oneOf: CALLOUT_TYPES }, title: { kind: "string" } }, children: true },
  Figure: {
    props: { caption: { kind: "string", required: true }, alt: { kind: "string" }, src: { kind: "string" } },
    children: true,
    check: (values) => (values.has("src") && !values.has("alt") ? "<Figure> with src needs alt text" : null),
  },
  Cite: { props: { id: { kind: "string", required: true } }, children: false },
  References: { props: {}, children: false },
  Quiz: {
    props: {
      id,
      title: { kind: "string" },
      // 0 means unlimited, as in Moodle; the course default is 3.
      maxAttempts: { kind: "number", integer: true, min: 0 },
      showAnswers: { kind: "string", oneOf: SHOW_ANSWERS_VALUES },
      showCorrectness: { kind: "string", oneOf: REVIEW_WHEN_VALUES },
      showMarks: { kind: "string", oneOf: REVIEW_WHEN_VALUES },
      showFeedback: { kind: "string", oneOf: SHOW_ANSWERS_VALUES },
      showExplanation: { kind: "string", oneOf: SHOW_ANSWERS_VALUES },
      grading: { kind: "string", oneOf: GRADING_VALUES },
      shuffle: { kind: "boolean" },
      passMark: { kind: "number", min: 0, max: 1 },
    },
    children: true,
  },
  MultipleChoice: { props: { id, question: { kind: "string", required: true }, multiple: { kind: "boolean" }, ...itemIntentProps }, children: true, parents: ["Quiz"] },
  Choice: { props: { correct: { kind: "boolean" }, feedback: { kind: "string" } }, children: true, parents: ["MultipleChoice"] },
  Explanation: { props: {}, children: true, parents: ["MultipleChoice", "TrueFalse", "Numeric"] },
  Numeric: {
    props: {
      id,
      question: { kind: "string", required: true },
      answer: { kind: "number", required: true },
      tolerance: { kind: "number", min: 0 },
      relativeTolerance: { kind: "number", min: 0 },
      units: { kind: "string" },
      feedbackCorrect: { kind: "string" },
      feedbackIncorrect: { kind: "string" },
      ...itemIntentProps,
    },
    children: true,
    parents: ["Quiz"],
    // No silent default: an exact float comparison is rarely what the author means.
    check: (values) =>
      values.has("tolerance") === values.has("relativeTolerance")
        ? "<Numeric> needs exactly one of tolerance={…} (absolute) and relativeTolerance={…} (a fraction of the answer, e.g. 0.01)"
        : null,
  },
  TrueFalse: {
    props: { id, statement: { kind: "string", required: true }, answer: { kind: "boolean", required: true }, feedbackTrue: { kind: "string" }, feedbackFalse: { kind: "string" }, ...itemIntentProps },
    children: true,
    parents: ["Quiz"],
  },
  ConformalSandbox: { props: { preset: { kind: "string" } }, children: false },
  GoodhartFigure: { props: {}, children: false },
  GeneralisationFigure: { props: {}, children: false },
  PreferenceFigure: { props: {}, children: false },
  ShiftMonitorFigure: { props: {}, children: false },
  ShapeColourFigure: { props: {}, children: false },
} satisfies Record<string, ComponentRule>;

export type AllowedComponentName = keyof typeof COMPONENT_RULES;
export const ALLOWED_COMPONENTS = Object.keys(COMPONENT_RULES) as AllowedComponentName[];

export function isAllowedComponent(name: string): name is AllowedComponentName {
  return Object.hasOwn(COMPONENT_RULES, name);
}

function describeValue(value: AttributeValue): string {
  return value.kind === "expression" ? `{${value.source}}` : value.kind;
}

function checkProp(component: string, name: string, rule: PropRule, value: AttributeValue): string | null {
  const label = `<${component}> ${name}`;
  if (value.kind === "expression") return `${label}: only literal numbers and booleans may be written in braces, not {${value.source}}`;
  if (rule.kind === "string") {
    if (value.kind !== "string") return `${label} must be text in quotes, not ${describeValue(value)}`;
    if (rule.oneOf && !rule.oneOf.includes(value.value)) return `${label} must be one of ${rule.oneOf.map((option) => `"${option}"`).join(", ")}, not "${value.value}"`;
    if (rule.pattern && !rule.pattern.test(value.value)) return `${label} "${value.value}" may contain only ${rule.patternHint ?? rule.pattern.source}`;
    if (rule.required && value.value.trim() === "") return `${label} must not be empty`;
    return null;
  }
  if (rule.kind === "boolean") {
    return value.kind === "boolean" ? null : `${label} must be {true} or {false}, not ${value.kind === "string" ? `"${value.value}"` : describeValue(value)}`;
  }
  if (value.kind !== "number") return `${label} must be a number in braces, e.g. ${name}={${rule.min ?? 1}}`;
  if (rule.integer && !Number.isInteger(value.value)) return `${label} must be a whole number, not ${value.value}`;
  if (rule.min !== undefined && value.value < rule.min) return `${label} must be at least ${rule.min}, not ${value.value}`;
  if (rule.max !== undefined && value.value > rule.max) return `${label} must be at most ${rule.max}, not ${value.value}`;
  return null;
}

function missingPropMessage(component: string, name: string, rule: PropRule): string {
  if (rule.kind === "boolean") return `<${component}> needs ${name}={true} or ${name}={false}`;
  return `<${component}> needs a ${name} attribute`;
}

/** Checks an element's name, props and children. Parent rules are checked by the tree walker. */
export function checkComponent(file: string, element: JsxElement): ContentDiagnostic[] {
  const at = pointOf(element);
  const name = element.name;
  if (name === null) return [createDiagnostic(file, at, "JSX fragments (<>…</>) are not allowed in lessons")];
  const diagnostics: ContentDiagnostic[] = [];
  for (const attribute of element.attributes) {
    if (isSpreadAttribute(attribute)) diagnostics.push(createDiagnostic(file, pointOf(attribute, at), `<${name}>: spread attributes {…} are not allowed`));
  }
  const attributes = readAttributes(element);
  if (!/^[A-Z]/.test(name)) {
    // Plain HTML elements are allowed, but their attributes must still be declarative.
    for (const attribute of attributes) {
      if (attribute.value.kind === "expression") {
        diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), `<${name}> ${attribute.name}: only literal numbers and booleans may be written in braces, not {${attribute.value.source}}`));
      }
    }
    return diagnostics;
  }
  if (!isAllowedComponent(name)) {
    return [...diagnostics, createDiagnostic(file, at, `unknown component <${name}>; allowed: ${ALLOWED_COMPONENTS.join(", ")}`)];
  }
  const rule: ComponentRule = COMPONENT_RULES[name];
  const values = new Map<string, AttributeValue>();
  for (const attribute of attributes) {
    const propRule = rule.props[attribute.name];
    if (!propRule) {
      const known = Object.keys(rule.props);
      diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), `<${name}> has no attribute "${attribute.name}"${known.length ? `; known: ${known.join(", ")}` : ""}`));
      continue;
    }
    if (values.has(attribute.name)) {
      diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), `<${name}> ${attribute.name} is given twice`));
      continue;
    }
    values.set(attribute.name, attribute.value);
    const problem = checkProp(name, attribute.name, propRule, attribute.value);
    if (problem) diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), problem));
  }
  for (const [propName, propRule] of Object.entries(rule.props)) {
    if (propRule.required && !values.has(propName)) diagnostics.push(createDiagnostic(file, at, missingPropMessage(name, propName, propRule)));
  }
  const extra = rule.check?.(values);
  if (extra) diagnostics.push(createDiagnostic(file, at, extra));
  if (!rule.children && element.children.some((child) => !(child.type === "text" && child.value.trim() === ""))) {
    diagnostics.push(createDiagnostic(file, at, `<${name}> takes no content; write it as <${name} … />`));
  }
  return diagnostics;
}
