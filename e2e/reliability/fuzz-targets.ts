// The fuzzer's table of endpoints. Each target turns a valid request into fast-check generators of
// malformed ones (missing fields, wrong types, bad JSON, huge payloads, unknown ids). Adding a route is
// one line: name it, give a valid example, and say who calls it, e.g.
//   { name: "studio draft", caller: "instructor", runs: 1000, request: (c) => jsonPost("PUT", `/api/studio/...`, { ... }) },
import fc from "fast-check";

export type FuzzRequest = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; raw?: string; contentType?: string; kind: string };
type FuzzContext = {
  quizId: string;
  quizVersion: string;
  itemIds: string[];
  choiceIds: string[];
  courseSlug: string;
  lessonSlug: string;
  csrfToken: string;
  /** A class the demo instructor owns. */
  classId: string;
};
export type FuzzTarget = {
  name: string;
  /** Who sends it: signed out, a new student, or the seeded demo instructor (for instructor routes). */
  caller: "anonymous" | "student" | "instructor";
  runs: number;
  /** GET routes must never change the database, whatever they answer. */
  readOnly?: boolean;
  request: (context: FuzzContext) => fc.Arbitrary<FuzzRequest>;
};

type Json = Record<string, unknown>;

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
  fc.string({ maxLength: 40 }),
);
const typeOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Malformed variants of a valid JSON body. */
function malformedJson(valid: Json): fc.Arbitrary<{ raw: string; kind: string }> {
  const keys = Object.keys(valid);
  const missing = fc.subarray(keys, { minLength: 1 }).map((drop) => ({
    raw: JSON.stringify(Object.fromEntries(Object.entries(valid).filter(([key]) => !drop.includes(key)))),
    kind: "missing fields",
  }));
  const wrongType = fc
    .tuple(fc.constantFrom(...keys), wrongValue)
    .filter(([key, value]) => typeOf(value) !== typeOf(valid[key]))
    .map(([key, value]) => ({ raw: JSON.stringify({ ...valid, [key]: value }), kind: "wrong types" }));
  const badJson = fc.oneof(
    fc.integer({ min: 1, max: Math.max(1, JSON.stringify(valid).length - 1) }).map((cut) => JSON.stringify(valid).slice(0, cut)),
    fc.string({ maxLength: 60 }).filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    }),
    fc.constantFrom("", " ", "null", "[]", "0", '"text"', "{'a':1}", "{\"a\":}", "\u0000", "NaN", "{\"__proto__\":{\"admin\":true}}", "[".repeat(20_000) + "]".repeat(20_000)),
  ).map((raw) => ({ raw, kind: "bad JSON" }));
  const stringKeys = keys.filter((key) => typeof valid[key] === "string");
  const huge = fc
    .tuple(fc.constantFrom(...(stringKeys.length ? stringKeys : keys)), fc.integer({ min: 70_000, max: 1_200_000 }))
    .map(([key, size]) => ({ raw: JSON.stringify({ ...valid, [key]: "x".repeat(size) }), kind: "huge payload" }));
  const extra = fc
    .dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 6 })
    .map((more) => ({ raw: JSON.stringify({ ...more, ...Object.fromEntries(keys.slice(1).map((key) => [key, valid[key]])) }), kind: "missing fields" }));
  return fc.oneof(
    { arbitrary: missing, weight: 3 },
    { arbitrary: wrongType, weight: 4 },
    { arbitrary: badJson, weight: 3 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: extra, weight: 2 },
  );
}

const unknownId = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom("..", "%00", "<script>", "' OR 1=1 --", "__proto__", "constructor", "x".repeat(300)));
const jsonPost = (method: FuzzRequest["method"], path: string, valid: Json) =>
  malformedJson(valid).map(({ raw, kind }) => ({ method, path, raw, kind }) satisfies FuzzRequest);
const withKind = (kind: string) => (request: Omit<FuzzRequest, "kind">): FuzzRequest => ({ ...request, kind });

function submission(c: FuzzContext): Json {
  return { quizId: c.quizId, quizVersion: c.quizVersion, submissionId: "00000000-0000-4000-8000-000000000000", responses: Object.fromEntries(c.itemIds.map((id) => [id, [c.choiceIds[0]!]])) };
}

export const FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: "quiz submission",
    caller: "student",
    runs: 2600,
    request: (c) =>
      fc.oneof(
        { weight: 6, arbitrary: jsonPost("POST", `/api/quizzes/${c.quizId}/attempts`, submission(c)) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(unknownId, fc.uuid({ version: 4 }))
            .map(([id, submissionId]) => withKind("unknown ids")({ method: "POST", path: `/api/quizzes/${encodeURIComponent(id)}/attempts`, raw: JSON.stringify({ ...submission(c), quizId: id, submissionId }) })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(unknownId, unknownId, fc.uuid({ version: 4 }))
            .map(([version, item, submissionId]) =>
              withKind("unknown ids")({ method: "POST", path: `/api/quizzes/${c.quizId}/attempts`, raw: JSON.stringify({ ...submission(c), submissionId, ...(version.length % 2 ? { quizVersion: version } : { responses: { [item]: [item] } }) }) }),
            ),
        },
        {
          // Prototype keys and stale versions must be refused without using an attempt (#12 items 2 and 8).
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom("__proto__", "constructor", "prototype", "__defineGetter__"), fc.uuid({ version: 4 }), fc.boolean())
            .map(([key, submissionId, staleVersion]) =>
              withKind("unknown ids")({
                method: "POST",
                path: `/api/quizzes/${c.quizId}/attempts`,
                raw: `{"quizId":${JSON.stringify(c.quizId)},"quizVersion":${JSON.stringify(staleVersion ? "0123456789abcdef" : c.quizVersion)},"submissionId":"${submissionId}","responses":{${JSON.stringify(key)}:[${JSON.stringify(c.choiceIds[0])}]}}`,
              }),
            ),
        },
      ),
  },
  {
    name: "quiz draft",
    caller: "student",
    runs: 1800,
    request: (c) =>
      fc.oneof(
        { weight: 6, arbitrary: jsonPost("PUT", `/api/quizzes/${c.quizId}/draft`, { quizId: c.quizId, quizVersion: c.quizVersion, attemptNumber: 1, responses: {} }) },
        {
          weight: 2,
          arbitrary: unknownId.map((id) => withKind("unknown ids")({ method: "PUT", path: `/api/quizzes/${encodeURIComponent(id)}/draft`, raw: JSON.stringify({ quizId: id, quizVersion: c.quizVersion, attemptNumber: 1, responses: {} }) })),
        },
      ),
  },
  { name: "progress visit", caller: "student", runs: 1000, request: (c) => fc.oneof(jsonPost("POST", "/api/progress/visit", { courseSlug: c.courseSlug, lessonSlug: c.lessonSlug, section: "intro" }), unknownSlug(c, "/api/progress/visit", { section: null })) },
  { name: "progress complete", caller: "student", runs: 800, request: (c) => fc.oneof(jsonPost("POST", "/api/progress/complete", { courseSlug: c.courseSlug, lessonSlug: c.lessonSlug, complete: true }), unknownSlug(c, "/api/progress/complete", { complete: true })) },
  {
    name: "progress merge",
    caller: "student",
    runs: 800,
    request: (c) =>
      fc.oneof(
        jsonPost("POST", "/api/progress/merge", { entries: [{ courseSlug: c.courseSlug, lessonSlug: c.lessonSlug, completed: true, lastVisitedAt: "2026-01-01T00:00:00.000Z", lastSection: null }] }),
        fc
          .array(fc.record({ courseSlug: wrongValue, lessonSlug: wrongValue, completed: wrongValue, lastVisitedAt: wrongValue, lastSection: wrongValue }), { minLength: 1, maxLength: 600 })
          .map((entries) => withKind("wrong types")({ method: "POST", path: "/api/progress/merge", raw: JSON.stringify({ entries }) })),
      ),
  },
  {
    name: "progress read",
    caller: "student",
    runs: 400,
    readOnly: true,
    request: () => fc.oneof(unknownId, fc.string({ maxLength: 300 })).map((course) => withKind("unknown ids")({ method: "GET", path: `/api/progress?course=${encodeURIComponent(course)}` })),
  },
  { name: "studio draft save", caller: "instructor", runs: 600, request: (c) => jsonPost("PUT", `/api/studio/courses/${c.courseSlug}/lessons/fuzz-no-such-lesson/draft`, { source: "Hello.", baseRevisionId: null, draftVersion: null }) },
  { name: "studio preview", caller: "instructor", runs: 300, readOnly: true, request: (c) => jsonPost("POST", "/api/studio/preview", { courseSlug: c.courseSlug, lessonSlug: c.lessonSlug, source: "Hello." }) },
  {
    name: "class create",
    caller: "instructor",
    runs: 400,
    request: (c) => jsonPost("POST", "/api/classes", { name: "Fuzz class", courseSlug: c.courseSlug, timeZone: "Europe/London", startsOn: "2026-01-05", endsOn: "2026-03-27" }),
  },
  {
    name: "class settings",
    caller: "instructor",
    runs: 400,
    request: (c) =>
      fc.oneof(
        { weight: 4, arbitrary: jsonPost("PATCH", `/api/classes/${c.classId}`, { name: "Fuzz class", timeZone: "UTC", startsOn: "2026-01-05", endsOn: "2026-03-27" }) },
        { weight: 1, arbitrary: unknownId.map((id) => withKind("unknown ids")({ method: "PATCH", path: `/api/classes/${encodeURIComponent(id)}`, raw: JSON.stringify({ name: "Fuzz class" }) })) },
      ),
  },
  {
    name: "class due dates",
    caller: "instructor",
    runs: 400,
    request: (c) =>
      fc.oneof(
        { weight: 4, arbitrary: jsonPost("PUT", `/api/classes/${c.classId}/due-dates`, { dueDates: [{ lessonSlug: c.lessonSlug, dueAt: "2026-02-01T23:59" }] }) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,30}$/), unknownId), fc.oneof(fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/), fc.string({ maxLength: 20 })))
            .map(([lessonSlug, dueAt]) => withKind("unknown ids")({ method: "PUT", path: `/api/classes/${c.classId}/due-dates`, raw: JSON.stringify({ dueDates: [{ lessonSlug, dueAt }] }) })),
        },
      ),
  },
  { name: "class join code", caller: "instructor", runs: 200, request: (c) => jsonPost("POST", `/api/classes/${c.classId}/join-code`, { action: "enable" }) },
  { name: "class co-instructor", caller: "instructor", runs: 300, request: (c) => jsonPost("POST", `/api/classes/${c.classId}/instructors`, { email: "fuzz-no-such-instructor@example.com" }) },
  {
    name: "class student",
    caller: "instructor",
    runs: 300,
    request: (c) =>
      fc.oneof(
        { weight: 3, arbitrary: jsonPost("PATCH", `/api/classes/${c.classId}/students/fuzz-no-such-student`, { status: "removed" }) },
        { weight: 1, arbitrary: unknownId.map((id) => withKind("unknown ids")({ method: "PATCH", path: `/api/classes/${c.classId}/students/${encodeURIComponent(id)}`, raw: JSON.stringify({ status: "removed" }) })) },
      ),
  },
  {
    name: "class join",
    caller: "student",
    runs: 500,
    request: () =>
      fc.oneof(
        { weight: 3, arbitrary: jsonPost("POST", "/api/classes/join", { code: "0000-0000" }) },
        { weight: 2, arbitrary: fc.oneof(unknownId, fc.string({ maxLength: 60 })).map((code) => withKind("unknown ids")({ method: "POST", path: "/api/classes/join", raw: JSON.stringify({ code }) })) },
      ),
  },
  {
    name: "sign-up",
    caller: "anonymous",
    runs: 1500,
    request: () =>
      fc.oneof(
        { weight: 9, arbitrary: jsonPost("POST", "/api/account/signup", { name: "Fuzz Learner", email: "fuzz@example.com", password: "a-long-password" }) },
        { weight: 1, arbitrary: fc.constant(withKind("unknown ids")({ method: "POST", path: "/api/account/signup", raw: JSON.stringify({ name: "Taken", email: "student@example.com", password: "a-long-password" }) })) },
      ),
  },
  {
    name: "sign-in",
    caller: "anonymous",
    runs: 1200,
    readOnly: true,
    request: (c) => {
      const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("", "fuzz-signin@example.com", "not-an-email", "a".repeat(5000)));
      const form = fc
        .record(
          { csrfToken: fc.oneof(fc.constant(c.csrfToken), fc.string({ maxLength: 64 })), email: field, password: field, json: fc.constantFrom("true", "false", "") },
          { requiredKeys: [] },
        )
        .chain((known) => fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }).map((extra) => ({ ...extra, ...known })));
      return fc.oneof(
        { weight: 6, arbitrary: form.map((values) => withKind("wrong types")({ method: "POST", path: "/api/auth/callback/credentials", raw: new URLSearchParams(values as Record<string, string>).toString(), contentType: "application/x-www-form-urlencoded" })) },
        { weight: 2, arbitrary: malformedJson({ csrfToken: c.csrfToken, email: "fuzz-signin@example.com", password: "wrong", json: "true" }).map(({ raw, kind }) => ({ method: "POST" as const, path: "/api/auth/callback/credentials", raw, kind })) },
        { weight: 1, arbitrary: unknownId.map((provider) => withKind("unknown ids")({ method: "POST", path: `/api/auth/callback/${encodeURIComponent(provider)}`, raw: `csrfToken=${c.csrfToken}`, contentType: "application/x-www-form-urlencoded" })) },
      );
    },
  },
];

function unknownSlug(c: FuzzContext, path: string, rest: Json): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), fc.boolean())
    .map(([slug, inCourse]) =>
      withKind("unknown ids")({ method: "POST", path, raw: JSON.stringify({ courseSlug: inCourse ? c.courseSlug : slug, lessonSlug: inCourse ? `${slug}-gone` : c.lessonSlug, ...rest }) }),
    );
}
