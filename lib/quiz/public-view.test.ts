import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPublicQuiz } from "./public-view";
import { goodhartQuiz, itemDefinitionArbitrary } from "./test-fixtures";
import type { QuizDefinition } from "./types";

/** Every object key anywhere in a JSON value. */
function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((entry) => allKeys(entry, keys));
  else if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      keys.add(key);
      allKeys(entry, keys);
    }
  }
  return keys;
}

function secretStrings(definition: QuizDefinition): string[] {
  return definition.items.flatMap((item) => [
    ...(item.explanationHtml ? [item.explanationHtml] : []),
    ...item.choices.flatMap((choice) => (choice.feedbackHtml ? [choice.feedbackHtml] : [])),
  ]);
}

describe("toPublicQuiz", () => {
  it("keeps stems, labels, ids and the policy", () => {
    const definition = goodhartQuiz({ maxAttempts: 2, shuffle: true });
    const view = toPublicQuiz(definition);
    expect(view).toMatchObject({ id: "goodhart-check", version: "v1-abc123", title: "Check your understanding" });
    const { review: _review, ...publicPolicy } = definition.policy;
    expect(view.policy).toEqual(publicPolicy);
    expect(view.items[1]).toEqual({
      id: "gaming-cases",
      kind: "multiple",
      promptHtml: "<p>Which of these are documented cases of specification gaming?</p>",
      // Sorted by id, not in the author's order (m-boat, m-lego, m-chess, m-weather).
      choices: ["m-boat", "m-chess", "m-lego", "m-weather"].map((id) => ({ id, labelHtml: `<p>Label of ${id}</p>` })),
    });
    expect(view.items[2]!.choices.map((choice) => choice.id)).toEqual(["tf-true", "tf-false"]);
    expect(toPublicQuiz(goodhartQuiz({ shuffle: false })).items[1]!.choices.map((choice) => choice.id)).toEqual(["m-boat", "m-lego", "m-chess", "m-weather"]);
  });

  it("carries no correct flags, feedback, explanations or server-side fields", () => {
    const definition = goodhartQuiz();
    const json = JSON.stringify(toPublicQuiz(definition));
    const keys = allKeys(JSON.parse(json));
    for (const secretKey of ["correct", "feedbackHtml", "explanationHtml", "courseSlug", "lessonSlug"]) {
      expect(keys.has(secretKey)).toBe(false);
    }
    for (const secret of secretStrings(definition)) expect(json).not.toContain(secret);
    expect(secretStrings(definition).length).toBe(8); // the fixture really has secrets to leak
  });

  it("drops fields added to a definition later (allowlist, not denylist)", () => {
    const definition = goodhartQuiz();
    const extended = {
      ...definition,
      answerKey: { "goodhart-variant": ["c-regressional"] },
      items: definition.items.map((item) => ({ ...item, hint: "secret hint", choices: item.choices.map((c) => ({ ...c, weight: 1 })) })),
    };
    const keys = allKeys(toPublicQuiz(extended));
    expect(["answerKey", "hint", "weight"].filter((key) => keys.has(key))).toEqual([]);
  });

  it("never carries a secret for arbitrary items", () => {
    fc.assert(
      fc.property(fc.uniqueArray(itemDefinitionArbitrary, { minLength: 1, maxLength: 5, selector: (item) => item.id }), (items) => {
        const definition: QuizDefinition = { ...goodhartQuiz(), items };
        const keys = allKeys(toPublicQuiz(definition));
        expect(keys.has("correct") || keys.has("feedbackHtml") || keys.has("explanationHtml")).toBe(false);
      }),
    );
  });
});
