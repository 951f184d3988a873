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
  newId: () => string;
};

export type RouteRequest = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; json?: unknown };

export type RouteEntry = {
  /** The file under app/ that serves it (a page.tsx, a route.ts, or a module with "use server"). */
  file: string;
  kind: "page" | "route" | "action";
  access: Access;
  /** A request that succeeds (2xx) for any caller the access allows. */
  sample: (fixture: RouteFixture) => RouteRequest;
  /** Served only by the development server: a production build answers 404 to everyone. */
  devOnly?: true;
};

const get = (path: string): RouteRequest => ({ method: "GET", path });

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
  { file: "app/sandbox/conformal/page.tsx", kind: "page", access: "public", sample: () => get("/sandbox/conformal") },
  { file: "app/admin/users/page.tsx", kind: "page", access: "admin", sample: () => get("/admin/users") },

  // Route handlers
  { file: "app/api/dev/content-events/route.ts", kind: "route", access: "public", devOnly: true, sample: () => get("/api/dev/content-events") },
  { file: "app/api/health/route.ts", kind: "route", access: "public", sample: () => get("/api/health") },
  { file: "app/search-index.json/route.ts", kind: "route", access: "public", sample: () => get("/search-index.json") },
  { file: "app/api/auth/[...nextauth]/route.ts", kind: "route", access: "public", sample: () => get("/api/auth/session") },
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
    sample: (f) => ({ method: "PUT", path: `/api/quizzes/${f.quizId}/draft`, json: { quizId: f.quizId, quizVersion: f.quizVersion, responses: {} } }),
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
];

/** Whether a caller may use a route with this access. */
export function isAllowed(access: Access, caller: Caller): boolean {
  if (access === "public" || access === "optional-user") return true;
  return caller !== "anonymous" && hasRole(caller, access);
}
