// Prototype keys in request JSON, as a hostile client would send them: at the top, nested, in arrays, escaped.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError } from "./http-error";
import { findReservedKey, parseJsonBody } from "./json-body";
import { jsonRoute } from "./route";

function refusal(text: string): HttpError {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error(`accepted ${text}`);
}

describe("parseJsonBody", () => {
  it.each([
    ['{"__proto__":{"isAdmin":true}}', "__proto__"],
    ['{"constructor":{"prototype":{"x":1}}}', "constructor"],
    ['{"answers":{"prototype":"a"}}', "answers.prototype"],
    ['{"items":[{"ok":1},{"__proto__":null}]}', "items.1.__proto__"],
    ['[{"a":{"b":{"constructor":1}}}]', "0.a.b.constructor"],
    // The same key spelled with JSON escapes is the same key once parsed.
    ['{"\\u005f\\u005fproto\\u005f\\u005f":{"x":1}}', "__proto__"],
  ])("refuses %s with a 400 naming %s", (text, path) => {
    const error = refusal(text);
    expect(error.status).toBe(400);
    expect(error.message).toContain(`"${path}"`);
    expect(Object.keys(error.fields ?? {})).toEqual([path]);
  });

  it("accepts ordinary JSON, including reserved words as values and look-alike keys", () => {
    const value = { name: "constructor", list: ["__proto__", "prototype"], proto: 1, __proto: 2, Constructor: 3, nested: [{ a: null }] };
    expect(parseJsonBody(JSON.stringify(value))).toEqual(value);
    expect(parseJsonBody("3")).toBe(3);
  });

  it("gives clear 400s for empty and malformed bodies", () => {
    expect(refusal("  ").message).toBe("Request body must be JSON.");
    expect(refusal("{").message).toBe("Request body is not valid JSON.");
  });

  it("walks a deeply nested body without overflowing the stack", () => {
    const depth = 20_000;
    const text = `${'{"a":'.repeat(depth)}{"__proto__":1}${"}".repeat(depth)}`;
    expect(findReservedKey(JSON.parse(text))).toBe(`${"a.".repeat(depth)}__proto__`);
  });
});

describe("jsonRoute with a prototype key in the body", () => {
  // A permissive schema (a record) would let the key through to the handler; the wrapper must stop it first.
  const route = jsonRoute({
    access: "public",
    body: z.object({ answers: z.record(z.string(), z.unknown()) }),
    handler: ({ body }) => Promise.resolve({ merged: Object.keys({ ...body.answers }) }),
  });
  const post = (body: string) => route(new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json" } }));

  it("answers 400 naming the field, and never runs the handler", async () => {
    const response = await post('{"answers":{"__proto__":{"polluted":true}}}');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Request body field "answers.__proto__" is not allowed: "__proto__" is a reserved name.',
      fields: { "answers.__proto__": '"__proto__" is a reserved name and cannot be used as a field.' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("still accepts the same body without the key", async () => {
    const response = await post('{"answers":{"q1":"a"}}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ merged: ["q1"] });
  });
});
