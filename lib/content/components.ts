// The allowlist of components a lesson may use, with a rule for every prop.
// components/mdx supplies the implementations at render time; this file decides what compiles.
import { z } from "zod";
import { createDiagnostic, pointOf, type ContentDiagnostic } from "./diagnostics";
import { isSpreadAttribute, readAttributes, type AttributeValue, type JsxElement } from "./jsx-attributes";
import { SLUG_PATTERN } from "./schemas";

/** One zod schema per component: its props, each a literal string, number or boolean (checkComponent turns
 * zod's issues into authoring messages with file:line:col). */
export type ComponentRule = {
  props: z.ZodObject<Record<string, z.ZodType>>;
  /** Whether the element may have content between its tags. */
  children: boolean;
  /** The only components this one may sit directly inside (ignoring paragraphs). */
  parents?: readonly string[];
  /** Extra checks across props, e.g. Figure's alt when src is given. */
  check?: (values: Map<string, AttributeValue>) => string | null;
};

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const text = () => z.string();
const requiredText = () => z.string().refine((value) => value.trim() !== "", "must not be empty");
const id = requiredText().regex(ID_PATTERN, "letters, digits, - and _");
const flag = () => z.boolean();

export const SHOW_ANSWERS_VALUES = ["after-submit", "after-last-attempt", "after-correct", "never"] as const;
/** "after-correct" is per item and would itself reveal correctness or marks, so those two cannot use it. */
export const REVIEW_WHEN_VALUES = ["after-submit", "after-last-attempt", "never"] as const;
export const GRADING_VALUES = ["highest", "last", "first", "average"] as const;
const CALLOUT_TYPES = ["note", "tip", "warning", "key"] as const;
/** What an item asks of the learner: recall a fact, or apply an idea (compute, predict, choose, diagnose). */
const ITEM_INTENTS = ["recall", "apply"] as const;
/** The sandbox's presets (components/sandbox/sandbox-params.ts has one control set for each). */
export const CONFORMAL_SANDBOX_PRESETS = ["monotone-1d", "biased-fit", "dip", "amplification", "concave", "plane-2d"] as const;
export type ConformalSandboxPreset = (typeof CONFORMAL_SANDBOX_PRESETS)[number];

/**
 * What an author may say about an item's purpose; course tests hold a course to its targets with them
 * (lib/content/item-intent.ts). `revisits` names an earlier lesson the item retrieves (spaced retrieval);
 * `exercise` marks an item that grades a worked exercise in the lesson.
 */
const itemIntentProps = {
  intent: z.enum(ITEM_INTENTS).optional(),
  revisits: z.string().regex(SLUG_PATTERN, "a lesson slug: lowercase words joined by hyphens").optional(),
  exercise: flag().optional(),
};

export const COMPONENT_RULES = {
  Callout: { props: z.strictObject({ type: z.enum(CALLOUT_TYPES).optional(), title: text().optional() }), children: true },
  Figure: {
    props: z.strictObject({ caption: requiredText(), alt: text().optional(), src: text().optional() }),
    children: true,
    check: (values) => (values.has("src") && !values.has("alt") ? "<Figure> with src needs alt text" : null),
  },
  Cite: { props: z.strictObject({ id: requiredText() }), children: false },
  References: { props: z.strictObject({}), children: false },
  Quiz: {
    props: z.strictObject({
      id,
      title: text().optional(),
      // 0 means unlimited, as in Moodle; the course default is 3.
      maxAttempts: z.number().int().min(0).optional(),
      showAnswers: z.enum(SHOW_ANSWERS_VALUES).optional(),
      showCorrectness: z.enum(REVIEW_WHEN_VALUES).optional(),
      showMarks: z.enum(REVIEW_WHEN_VALUES).optional(),
      showFeedback: z.enum(SHOW_ANSWERS_VALUES).optional(),
      showExplanation: z.enum(SHOW_ANSWERS_VALUES).optional(),
      grading: z.enum(GRADING_VALUES).optional(),
      shuffle: flag().optional(),
      passMark: z.number().min(0).max(1).optional(),
    }),
    children: true,
  },
  MultipleChoice: { props: z.strictObject({ id, question: requiredText(), multiple: flag().optional(), ...itemIntentProps }), children: true, parents: ["Quiz"] },
  Choice: { props: z.strictObject({ correct: flag().optional(), feedback: text().optional() }), children: true, parents: ["MultipleChoice"] },
  Explanation: { props: z.strictObject({}), children: true, parents: ["MultipleChoice", "TrueFalse", "Numeric"] },
  Numeric: {
    props: z.strictObject({
      id,
      question: requiredText(),
      answer: z.number(),
      tolerance: z.number().min(0).optional(),
      relativeTolerance: z.number().min(0).optional(),
      units: text().optional(),
      feedbackCorrect: text().optional(),
      feedbackIncorrect: text().optional(),
      ...itemIntentProps,
    }),
    children: true,
    parents: ["Quiz"],
    // No silent default: an exact float comparison is rarely what the author means.
    check: (values) =>
      values.has("tolerance") === values.has("relativeTolerance")
        ? "<Numeric> needs exactly one of tolerance={…} (absolute) and relativeTolerance={…} (a fraction of the answer, e.g. 0.01)"
        : null,
  },
  TrueFalse: {
    props: z.strictObject({ id, statement: requiredText(), answer: flag(), feedbackTrue: text().optional(), feedbackFalse: text().optional(), ...itemIntentProps }),
    children: true,
    parents: ["Quiz"],
  },
  ConformalSandbox: { props: z.strictObject({ preset: z.enum(CONFORMAL_SANDBOX_PRESETS).optional() }), children: false },
  GoodhartFigure: { props: z.strictObject({}), children: false },
  GeneralisationFigure: { props: z.strictObject({}), children: false },
  PreferenceFigure: { props: z.strictObject({}), children: false },
  ShiftMonitorFigure: { props: z.strictObject({}), children: false },
  ShapeColourFigure: { props: z.strictObject({}), children: false },
} satisfies Record<string, ComponentRule>;

export type AllowedComponentName = keyof typeof COMPONENT_RULES;
export const ALLOWED_COMPONENTS = Object.keys(COMPONENT_RULES) as AllowedComponentName[];

export function isAllowedComponent(name: string): name is AllowedComponentName {
  return Object.hasOwn(COMPONENT_RULES, name);
}

const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema);
const quoted = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

/** One prop's value checked by its zod schema, the issue said the way an author reads it. */
function checkProp(component: string, name: string, schema: z.ZodType, value: AttributeValue): string | null {
  const label = `<${component}> ${name}`;
  if (value.kind === "expression") return `${label}: only literal numbers and booleans may be written in braces, not {${value.source}}`;
  const result = schema.safeParse(value.value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const inner = unwrap(schema);
  if (issue.code === "invalid_type" && inner instanceof z.ZodString) return `${label} must be text in quotes, not ${value.kind}`;
  if (issue.code === "invalid_type" && inner instanceof z.ZodBoolean) return `${label} must be {true} or {false}, not ${value.kind === "string" ? quoted(value.value) : value.kind}`;
  if (issue.code === "invalid_type" && inner instanceof z.ZodEnum) return `${label} must be text in quotes, not ${value.kind}`;
  if (issue.code === "invalid_type" && inner instanceof z.ZodNumber) {
    if (typeof value.value === "number") return `${label} must be a whole number, not ${value.value}`;
    return `${label} must be a number in braces, e.g. ${name}={${inner.minValue ?? 1}}`;
  }
  if (issue.code === "invalid_value") return `${label} must be one of ${issue.values.map(quoted).join(", ")}, not ${quoted(value.value)}`;
  if (issue.code === "too_small") return `${label} must be at least ${String(issue.minimum)}, not ${quoted(value.value)}`;
  if (issue.code === "too_big") return `${label} must be at most ${String(issue.maximum)}, not ${quoted(value.value)}`;
  if (issue.code === "invalid_format") return `${label} ${quoted(value.value)} may contain only ${issue.message}`;
  return `${label} ${issue.message}`;
}

function missingPropMessage(component: string, name: string, schema: z.ZodType): string {
  if (unwrap(schema) instanceof z.ZodBoolean) return `<${component}> needs ${name}={true} or ${name}={false}`;
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
  const shape = rule.props.shape;
  const values = new Map<string, AttributeValue>();
  for (const attribute of attributes) {
    const propSchema = Object.hasOwn(shape, attribute.name) ? shape[attribute.name] : undefined;
    if (!propSchema) {
      const known = Object.keys(shape);
      diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), `<${name}> has no attribute "${attribute.name}"${known.length ? `; known: ${known.join(", ")}` : ""}`));
      continue;
    }
    if (values.has(attribute.name)) {
      diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), `<${name}> ${attribute.name} is given twice`));
      continue;
    }
    values.set(attribute.name, attribute.value);
    const problem = checkProp(name, attribute.name, propSchema, attribute.value);
    if (problem) diagnostics.push(createDiagnostic(file, pointOf(attribute.node, at), problem));
  }
  for (const [propName, propSchema] of Object.entries(shape)) {
    if (!values.has(propName) && !propSchema.safeParse(undefined).success) diagnostics.push(createDiagnostic(file, at, missingPropMessage(name, propName, propSchema)));
  }
  const extra = rule.check?.(values);
  if (extra) diagnostics.push(createDiagnostic(file, at, extra));
  if (!rule.children && element.children.some((child) => !(child.type === "text" && child.value.trim() === ""))) {
    diagnostics.push(createDiagnostic(file, at, `<${name}> takes no content; write it as <${name} … />`));
  }
  return diagnostics;
}
