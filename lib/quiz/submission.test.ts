import { describe, expect, it } from "vitest";
import { saveDraftSchema, SUBMISSION_LIMITS, submitAttemptSchema } from "./submission";

const valid = {
  quizId: "goodhart-check",
  quizVersion: "v1-abc123",
  submissionId: "5f0c1f3e-8a43-4c1e-9d1b-0c5a7e2b9f10",
  responses: { "goodhart-variant": ["c-regressional"], "gaming-cases": [] },
};

function fieldsOf(input: unknown): string[] {
  const result = submitAttemptSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.map(String).join("."));
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
    expect(fieldsOf({ ...valid, quizId: "" })).toEqual(["quizId", "quizId"]);
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
    const draft = { quizId: "goodhart-check", quizVersion: "v1", attemptNumber: 1, responses: { "gaming-cases": ["m-boat"] } };
    expect(saveDraftSchema.parse(draft)).toEqual(draft);
  });

  it("applies the same limits", () => {
    const result = saveDraftSchema.safeParse({ quizId: "q", quizVersion: "v", attemptNumber: 1, responses: { a: Array(21).fill("c") } });
    expect(result.success).toBe(false);
  });

  it("needs the attempt the selections are for", () => {
    expect(saveDraftSchema.safeParse({ quizId: "q", quizVersion: "v", responses: {} }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ quizId: "q", quizVersion: "v", attemptNumber: 0, responses: {} }).success).toBe(false);
  });
});

describe("prototype keys (#12 item 8)", () => {
  it("refuses __proto__, constructor-like and other non-id keys as they arrive over the wire, naming the field", () => {
    for (const key of ["__proto__", "_x", "", " a", "a.b", "a/b"]) {
      const raw = `{"quizId":"q","quizVersion":"v","submissionId":"${valid.submissionId}","responses":{${JSON.stringify(key)}:["c"]}}`;
      const result = submitAttemptSchema.safeParse(JSON.parse(raw));
      expect(result.success, key).toBe(false);
      if (!result.success) expect(result.error.issues[0]!.path).toEqual(["responses", key]);
    }
    const draft = JSON.parse(`{"quizId":"q","quizVersion":"v","attemptNumber":1,"responses":{"__proto__":["c"]}}`);
    expect(saveDraftSchema.safeParse(draft).success).toBe(false);
  });

  it("never turns a key into a prototype: whatever parses keeps every key as its own", () => {
    const parsed = submitAttemptSchema.parse(JSON.parse(`{"quizId":"q","quizVersion":"v","submissionId":"${valid.submissionId}","responses":{"constructor":["c"],"toString":[]}}`));
    expect(Object.keys(parsed.responses)).toEqual(["constructor", "toString"]);
    expect(Object.getPrototypeOf(parsed.responses)).toBe(Object.prototype);
  });
});
