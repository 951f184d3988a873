// <Numeric id question answer tolerance|relativeTolerance [units] [feedbackCorrect] [feedbackIncorrect]>:
// a numeric item. The key keeps the decimals exactly as written (answer={0.7} is "0.7", not 0.69999…), so
// grading compares decimals (lib/quiz/decimal.ts). Attribute checks (required, exactly one tolerance) are in
// components.ts; this reads the values and reports what only the literal text can show.
import type { RootContent } from "mdast";
import { DECIMAL_PATTERN } from "../quiz/decimal";
import type { NumericKey } from "../quiz/types";
import { getAttribute, stringAttribute, type JsxElement } from "./jsx-attributes";
import { quizParts } from "./quiz-structure";

/** A number attribute's literal as written in braces ("0.7", "-1.5e-3"), or undefined. */
function literal(element: JsxElement, name: string): string | undefined {
  const attribute = getAttribute(element, name);
  if (attribute?.value.kind !== "number") return undefined;
  const raw = attribute.node.value;
  const text = typeof raw === "object" && raw !== null ? raw.value.trim() : undefined;
  return text !== undefined && DECIMAL_PATTERN.test(text) ? text.replace(/^\+/, "") : undefined;
}

export type NumericParts = {
  key: NumericKey;
  units: string | undefined;
  explanations: JsxElement[];
  /** Feeds the version hash. */
  source: string;
};

export function readNumeric(
  item: JsxElement,
  renderAttribute: (name: string) => string | null,
  report: (node: RootContent | JsxElement, message: string) => void,
): NumericParts {
  const answer = literal(item, "answer") ?? "0";
  const absolute = literal(item, "tolerance");
  const relative = literal(item, "relativeTolerance");
  if (relative !== undefined && Number(relative) <= 0) report(item, "<Numeric> relativeTolerance must be above 0, e.g. 0.01 for 1%");
  if (relative !== undefined && Number(answer) === 0) report(item, "<Numeric> relativeTolerance of an answer of 0 accepts only 0; use an absolute tolerance");
  const explanations: JsxElement[] = [];
  for (const part of quizParts(item.children)) {
    if (part.kind === "element" && part.element.name === "Explanation") explanations.push(part.element);
    else report(part.kind === "element" ? part.element : part.node, "<Numeric> may contain only <Explanation>");
  }
  const units = stringAttribute(item, "units")?.trim() || undefined;
  const tolerance = absolute !== undefined ? { kind: "absolute" as const, value: absolute } : { kind: "relative" as const, value: relative ?? "0" };
  const key: NumericKey = {
    answer,
    tolerance,
    feedbackCorrectHtml: renderAttribute("feedbackCorrect"),
    feedbackIncorrectHtml: renderAttribute("feedbackIncorrect"),
  };
  const source = [answer, tolerance.kind, tolerance.value, units ?? "", stringAttribute(item, "feedbackCorrect") ?? "", stringAttribute(item, "feedbackIncorrect") ?? ""].join("|");
  return { key, units, explanations, source };
}

