import { describe, expect, it } from "vitest";
import { saveDraftSchema, SUBMISSION_LIMITS, submitAttemptSchema, toFieldErrors } from "./submission";

const valid = {
  quizId: "goodhart-check",
  quizVersion: "v1-abc123",
  submissionId: "5f0c1f3e-8a43-4c1e-9d1b-0c5a7e2b9f10",
  responses: { "goodhart-variant": ["c-regressional"], "gaming-cases": [] },
};

function fieldsOf(input: unknown): string[] {
  const result = submitAttemptSchema.safeParse(input);
  if (result.success) return [];
  return toFieldErrors(result.error).map((error) => error.field);
}

describe("submitAttemptSchema", () => {
  it("accepts a well-formed submission", () => {
    expect(submitAttemptSchema.parse(valid)).toEqual(valid);
  });

  it("requires a UUID submission id", () => {
    expect(fieldsOf({ ...valid, submissionId: "retry-1" })).toEqual(["submissionId"]);
    expect(fieldsOf({ ...valid, submissionId: undefined })).toEqual(["submissionId"]);
  });

  it("rejects empty and over-long ids, naming the field", () => {
    expect(fieldsOf({ ...valid, quizId: "" })).toEqual(["quizId"]);
    expect(fieldsOf({ ...valid, quizVersion: "v".repeat(SUBMISSION_LIMITS.idLength + 1) })).toEqual(["quizVersion"]);
    expect(fieldsOf({ ...valid, responses: { "goodhart-variant": ["c".repeat(101)] } })).toEqual(["responses.goodhart-variant.0"]);
    expect(fieldsOf({ ...valid, responses: { ["i".repeat(101)]: [] } })).toEqual([`responses.${"i".repeat(101)}`]);
  });

  it("accepts ids at the length limit", () => {
    expect(fieldsOf({ ...valid, quizId: "q".repeat(SUBMISSION_LIMITS.idLength) })).toEqual([]);
  });

  it("limits choices per item to 20 and items to 200", () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expect(fieldsOf({ ...valid, responses: { a: choices(20) } })).toEqual([]);
    expect(fieldsOf({ ...valid, responses: { a: choices(21) } })).toEqual(["responses.a"]);
    const items = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`item-${i}`, []]));
    expect(fieldsOf({ ...valid, responses: items(200) })).toEqual([]);
    expect(fieldsOf({ ...valid, responses: items(201) })).toEqual(["responses"]);
  });

  it("rejects responses that are not lists of strings", () => {
    expect(fieldsOf({ ...valid, responses: { a: "c1" } })).toEqual(["responses.a"]);
    expect(fieldsOf({ ...valid, responses: { a: [1] } })).toEqual(["responses.a.0"]);
    expect(fieldsOf({ ...valid, responses: null })).toEqual(["responses"]);
  });
});

describe("saveDraftSchema", () => {
  it("accepts partial selections without a submission id", () => {
    const draft = { quizId: "goodhart-check", quizVersion: "v1", responses: { "gaming-cases": ["m-boat"] } };
    expect(saveDraftSchema.parse(draft)).toEqual(draft);
  });

  it("applies the same limits", () => {
    const result = saveDraftSchema.safeParse({ quizId: "q", quizVersion: "v", responses: { a: Array(21).fill("c") } });
    expect(result.success).toBe(false);
  });
});
