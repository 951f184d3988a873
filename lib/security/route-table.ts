// Every page, route handler and server action in app/, with the role it requires. One table drives the
// authorisation matrix (e2e/reliability/authorization.spec.ts), and route-table.test.ts fails when a
// file under app/ is missing from it, so a new route cannot ship untested.
import { hasRole, type Role } from "@/lib/auth/roles";

/** "public": anyone. "optional-user": anyone, with more for a signed-in user. A Role: that role or higher. */
export type Access = "public" | "optional-user" | Role;
export type Caller = "anonymous" | Role;
export const CALLERS: readonly Caller[] = ["anonymous", "student", "instructor", "admin"];

/** Values the matrix fills in at run time, so samples can name real quizzes, lessons and users. */
export type RouteFixture = {
  courseSlug: string;
  lessonSlug: string;
  quizId: string;
  quizVersion: string;
  /** Responses that grade cleanly against quizId@quizVersion. */
  responses: Record<string, string[]>;
  /** A throw-away user whose role the admin route may change. */
  targetUserId: string;
  /** A class the demo instructor owns (admins see every class), and its join code. */
  classId: string;
  classCode: string;
  newId: () => string;
};

type HandlerMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type RouteRequest = { method: HandlerMethod; path: string; json?: unknown };

export type RouteEntry = {
  /** The file under app/ that serves it (a page.tsx, a route.ts, or a module with "use server"). */
  file: string;
  kind: "page" | "route" | "action";
  access: Access;
  /** A request that succeeds (2xx) for any caller the access allows. */
  sample: (fixture: RouteFixture) => RouteRequest;
  /** Served only by the development server: a production build answers 404 to everyone. */
  devOnly?: true;
  /**
   * "succeeds" (default): an allowed caller gets a 2xx. "reaches-handler": the sample is authorised but
   * aimed at something that does not exist, so an allowed caller gets past the role check to a domain
   * answer (4xx other than 401/403) and the shared course is not changed by the matrix.
   */
  effect?: "succeeds" | "reaches-handler";
  /**
   * For a route handler that exports more methods than its sample's. The app server answers every other
   * method with 405 (lib/server/method-policy.ts); route-table.test.ts checks this against the exports.
   */
  methods?: readonly HandlerMethod[];
};

const get = (path: string): RouteRequest => ({ method: "GET", path });
/** A lesson the studio routes can be pointed at without changing any real lesson. */
const NO_SUCH_LESSON = "matrix-no-such-lesson";
const studioLesson = (f: RouteFixture) => `/api/studio/courses/${f.courseSlug}/lessons/${NO_SUCH_LESSON}`;
/** Someone who is neither a student nor a co-instructor of the matrix's class. */
const NOT_IN_CLASS = "matrix-not-in-class";

export const ROUTE_TABLE: readonly RouteEntry[] = [
  // Pages
  { file: "app/page.tsx", kind: "page", access: "optional-user", sample: () => get("/") },
  { file: "app/signin/page.tsx", kind: "page", access: "public", sample: () => get("/signin") },
  { file: "app/signup/page.tsx", kind: "page", access: "public", sample: () => get("/signup") },
  { file: "app/search/page.tsx", kind: "page", access: "public", sample: () => get("/search?q=goodhart") },
  { file: "app/courses/[course]/page.tsx", kind: "page", access: "public", sample: (f) => get(`/courses/${f.courseSlug}`) },
  {
    file: "app/courses/[course]/[lesson]/page.tsx",
    kind: "page",
    access: "public",
    sample: (f) => get(`/courses/${f.courseSlug}/${f.lessonSlug}`),
  },
  { file: "app/courses/[course]/glossary/page.tsx", kind: "page", access: "public", sample: (f) => get(`/courses/${f.courseSlug}/glossary`) },
  { file: "app/sandbox/conformal/page.tsx", kind: "page", access: "public", sample: () => get("/sandbox/conformal") },
  { file: "app/admin/users/page.tsx", kind: "page", access: "admin", sample: () => get("/admin/users") },
  { file: "app/studio/page.tsx", kind: "page", access: "instructor", sample: () => get("/studio") },
  { file: "app/studio/analytics/page.tsx", kind: "page", access: "instructor", sample: () => get("/studio/analytics") },
  { file: "app/studio/[course]/[lesson]/page.tsx", kind: "page", access: "instructor", sample: (f) => get(`/studio/${f.courseSlug}/${f.lessonSlug}`) },
  { file: "app/account/page.tsx", kind: "page", access: "student", sample: () => get("/account") },
  // Classes: class pages are also limited to the class's own instructors (e2e/classes.spec.ts shows another
  // instructor's 403); the matrix checks the role gate with a class the demo instructor owns.
  { file: "app/classes/page.tsx", kind: "page", access: "student", sample: () => get("/classes") },
  { file: "app/join/[code]/page.tsx", kind: "page", access: "student", sample: (f) => get(`/join/${f.classCode}`) },
  { file: "app/studio/classes/page.tsx", kind: "page", access: "instructor", sample: () => get("/studio/classes") },
  { file: "app/studio/classes/[classId]/page.tsx", kind: "page", access: "instructor", sample: (f) => get(`/studio/classes/${f.classId}`) },
  { file: "app/studio/classes/[classId]/settings/page.tsx", kind: "page", access: "instructor", sample: (f) => get(`/studio/classes/${f.classId}/settings`) },

  // Route handlers
  { file: "app/api/dev/content-events/route.ts", kind: "route", access: "public", devOnly: true, sample: () => get("/api/dev/content-events") },
  { file: "app/api/health/route.ts", kind: "route", access: "public", sample: () => get("/api/health") },
  { file: "app/search-index.json/route.ts", kind: "route", access: "public", sample: () => get("/search-index.json") },
  { file: "app/sandbox/runner/route.ts", kind: "route", access: "public", sample: () => get("/sandbox/runner") },
  { file: "app/api/auth/[...nextauth]/route.ts", kind: "route", access: "public", sample: () => get("/api/auth/session"), methods: ["GET", "POST"] },
  {
    file: "app/api/account/signup/route.ts",
    kind: "route",
    access: "public",
    sample: (f) => ({
      method: "POST",
      path: "/api/account/signup",
      json: { name: "Matrix Learner", email: `matrix-${f.newId()}@example.com`, password: "a-long-password" },
    }),
  },
  {
    file: "app/api/account/password/route.ts",
    kind: "route",
    access: "student",
    // An incomplete body: answered with field errors, and no password is checked or changed.
    sample: () => ({ method: "POST", path: "/api/account/password", json: { currentPassword: "", newPassword: "" } }),
    effect: "reaches-handler",
  },
  // Signs the caller's other sessions out and keeps this one, so the matrix's own clients stay signed in.
  { file: "app/api/account/sessions/route.ts", kind: "route", access: "student", sample: () => ({ method: "DELETE", path: "/api/account/sessions?keep=current" }) },
  { file: "app/api/progress/route.ts", kind: "route", access: "student", sample: (f) => get(`/api/progress?course=${f.courseSlug}`) },
  {
    file: "app/api/progress/visit/route.ts",
    kind: "route",
    access: "student",
    sample: (f) => ({ method: "POST", path: "/api/progress/visit", json: { courseSlug: f.courseSlug, lessonSlug: f.lessonSlug, section: null } }),
  },
  {
    file: "app/api/progress/complete/route.ts",
    kind: "route",
    access: "student",
    sample: (f) => ({ method: "POST", path: "/api/progress/complete", json: { courseSlug: f.courseSlug, lessonSlug: f.lessonSlug, complete: false } }),
  },
  {
    file: "app/api/progress/merge/route.ts",
    kind: "route",
    access: "student",
    sample: (f) => ({
      method: "POST",
      path: "/api/progress/merge",
      json: { entries: [{ courseSlug: f.courseSlug, lessonSlug: f.lessonSlug, completed: false, lastVisitedAt: new Date().toISOString(), lastSection: null }] },
    }),
  },
  {
    file: "app/api/quizzes/[quizId]/state/route.ts",
    kind: "route",
    access: "optional-user",
    sample: (f) => get(`/api/quizzes/${f.quizId}/state`),
  },
  {
    file: "app/api/quizzes/[quizId]/draft/route.ts",
    kind: "route",
    access: "student",
    sample: (f) => ({ method: "PUT", path: `/api/quizzes/${f.quizId}/draft`, json: { quizId: f.quizId, quizVersion: f.quizVersion, attemptNumber: 1, responses: {} } }),
  },
  {
    file: "app/api/quizzes/[quizId]/attempts/route.ts",
    kind: "route",
    access: "student",
    sample: (f) => ({
      method: "POST",
      path: `/api/quizzes/${f.quizId}/attempts`,
      json: { quizId: f.quizId, quizVersion: f.quizVersion, submissionId: f.newId(), responses: f.responses },
    }),
  },
  {
    file: "app/api/admin/users/[id]/role/route.ts",
    kind: "route",
    access: "admin",
    sample: (f) => ({ method: "PATCH", path: `/api/admin/users/${f.targetUserId}/role`, json: { role: "student" } }),
  },

  // Classes
  { file: "app/api/classes/due-dates/route.ts", kind: "route", access: "student", sample: (f) => get(`/api/classes/due-dates?course=${f.courseSlug}`) },
  {
    file: "app/api/classes/join/route.ts",
    kind: "route",
    access: "student",
    sample: (f) => ({ method: "POST", path: "/api/classes/join", json: { code: f.classCode } }),
    effect: "reaches-handler", // students and admins join; the class's own instructor is told they teach it (409)
  },
  {
    file: "app/api/classes/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "POST", path: "/api/classes", json: { name: "Matrix class", courseSlug: f.courseSlug, timeZone: "UTC", startsOn: null, endsOn: null } }),
  },
  { file: "app/api/classes/[classId]/route.ts", kind: "route", access: "instructor", sample: (f) => ({ method: "PATCH", path: `/api/classes/${f.classId}`, json: { name: "Matrix class" } }) },
  {
    file: "app/api/classes/[classId]/due-dates/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "PUT", path: `/api/classes/${f.classId}/due-dates`, json: { dueDates: [{ lessonSlug: f.lessonSlug, dueAt: "2030-01-01T12:00" }] } }),
  },
  { file: "app/api/classes/[classId]/join-code/route.ts", kind: "route", access: "instructor", sample: (f) => ({ method: "POST", path: `/api/classes/${f.classId}/join-code`, json: { action: "enable" } }) },
  {
    file: "app/api/classes/[classId]/instructors/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "POST", path: `/api/classes/${f.classId}/instructors`, json: { email: "matrix-no-such-instructor@example.com" } }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/classes/[classId]/instructors/[userId]/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "DELETE", path: `/api/classes/${f.classId}/instructors/${NOT_IN_CLASS}` }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/classes/[classId]/students/[userId]/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "PATCH", path: `/api/classes/${f.classId}/students/${NOT_IN_CLASS}`, json: { status: "removed" } }),
    effect: "reaches-handler",
  },
  { file: "app/api/classes/[classId]/gradebook/route.ts", kind: "route", access: "instructor", sample: (f) => get(`/api/classes/${f.classId}/gradebook?format=canvas`) },

  // Studio (instructors): reads succeed; writes are aimed at a lesson that does not exist.
  { file: "app/api/studio/analytics/grades/route.ts", kind: "route", access: "instructor", sample: (f) => get(`/api/studio/analytics/grades?course=${f.courseSlug}`) },
  {
    file: "app/api/studio/courses/[course]/lessons/[lesson]/source/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => get(`/api/studio/courses/${f.courseSlug}/lessons/${f.lessonSlug}/source`),
  },
  {
    file: "app/api/studio/preview/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "POST", path: "/api/studio/preview", json: { courseSlug: f.courseSlug, lessonSlug: f.lessonSlug, source: "---\ntitle: Matrix\n---\n\nHello." } }),
    effect: "reaches-handler", // a preview of incomplete frontmatter is answered with its problems
  },
  {
    file: "app/api/studio/courses/[course]/lessons/[lesson]/draft/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "PUT", path: `${studioLesson(f)}/draft`, json: { source: "Hello.", baseRevisionId: null, draftVersion: null } }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/studio/courses/[course]/lessons/[lesson]/publish/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "POST", path: `${studioLesson(f)}/publish`, json: { source: "Hello.", baseRevisionId: null, draftVersion: null } }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/studio/courses/[course]/lessons/[lesson]/revisions/[revision]/restore/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "POST", path: `${studioLesson(f)}/revisions/no-such-revision/restore`, json: { baseRevisionId: null, draftVersion: null } }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/studio/courses/[course]/lessons/[lesson]/route.ts",
    kind: "route",
    access: "instructor",
    sample: (f) => ({ method: "PATCH", path: studioLesson(f), json: { title: "Matrix" } }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/studio/courses/[course]/lessons/route.ts",
    kind: "route",
    access: "instructor",
    sample: () => ({ method: "POST", path: `/api/studio/courses/no-such-course/lessons`, json: { slug: NO_SUCH_LESSON, title: "Matrix" } }),
    effect: "reaches-handler",
  },
  {
    file: "app/api/studio/courses/[course]/order/route.ts",
    kind: "route",
    access: "instructor",
    sample: () => ({ method: "PUT", path: `/api/studio/courses/no-such-course/order`, json: { slugs: [NO_SUCH_LESSON] } }),
    effect: "reaches-handler",
  },
];

/** A fixture for reading a sample's method and path shape without a running server. */
const PROBE: RouteFixture = {
  courseSlug: "course",
  lessonSlug: "lesson",
  quizId: "quiz",
  quizVersion: "v",
  responses: {},
  targetUserId: "user",
  classId: "class",
  classCode: "CODE-CODE",
  newId: () => "id",
};

/**
 * The methods a page or route answers with anything but 405, in Allow-header order: a route handler's
 * exported methods, HEAD wherever GET is served, and OPTIONS. Pages serve GET and HEAD (server actions
 * POST to a page with a Next-Action header, which the app server lets through).
 */
export function allowedMethods(entry: RouteEntry): string[] {
  const served: string[] = entry.kind === "route" ? [...(entry.methods ?? [entry.sample(PROBE).method])] : ["GET"];
  if (served.includes("GET")) served.push("HEAD");
  return [...served, "OPTIONS"].sort();
}

/** Whether a caller may use a route with this access. */
export function isAllowed(access: Access, caller: Caller): boolean {
  if (access === "public" || access === "optional-user") return true;
  return caller !== "anonymous" && hasRole(caller, access);
}
