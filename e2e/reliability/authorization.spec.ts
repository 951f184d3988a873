// The authorisation matrix: every entry of lib/security/route-table.ts × anonymous, student, instructor
// and admin. A caller the table allows must succeed; any other must be refused: 0 unauthorised successes.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CALLERS, type Caller, isAllowed, ROUTE_TABLE, type RouteFixture } from "@/lib/security/route-table";
import { SessionClient } from "@/scripts/reliability/session-client";
import { DEMO } from "../support";
import { BASE_URL, LESSON, unlimitedQuizFixture } from "./support";

test("authorisation matrix: every route × every role, 0 unauthorised successes", async () => {
  test.setTimeout(180_000);
  const clients: Record<Caller, SessionClient> = {
    anonymous: new SessionClient(BASE_URL),
    student: new SessionClient(BASE_URL),
    instructor: new SessionClient(BASE_URL),
    admin: new SessionClient(BASE_URL),
  };
  for (const role of ["student", "instructor", "admin"] as const) await clients[role].signIn(DEMO[role].email, DEMO[role].password);

  // Sign-up does not say whether it created an account, so the target signs in to learn its own id.
  const target = new SessionClient(BASE_URL);
  await target.signUpAndSignIn({ name: "Role Target", email: `role-target-${randomUUID().slice(0, 8)}@example.com`, password: "a-long-password" });
  const targetUserId = ((await target.send("GET", "/api/auth/session")).body as { user: { id: string } }).user.id;
  // Unlimited attempts, so every allowed caller's sample succeeds however often the demo accounts submitted before.
  const { hide, ...quiz } = await unlimitedQuizFixture("authorization");
  const created = await clients.instructor.send("POST", "/api/classes", {
    json: { name: "Matrix class", courseSlug: LESSON.courseSlug, timeZone: "UTC", startsOn: null, endsOn: null },
  });
  expect(created.status).toBe(201);
  const { id: classId, joinCode: classCode } = created.body as { id: string; joinCode: string };
  const fixture: RouteFixture = { ...LESSON, ...quiz, targetUserId, classId, classCode, newId: () => randomUUID() };

  const rows: string[] = [];
  const wrong: string[] = [];
  let unauthorisedSuccesses = 0;
  let cells = 0;
  for (const entry of ROUTE_TABLE) {
    const cellsForEntry: string[] = [];
    for (const caller of CALLERS) {
      const request = entry.sample(fixture);
      const response = await clients[caller].send(request.method, request.path, request.json === undefined ? {} : { json: request.json });
      cells++;
      const allowed = !entry.devOnly && isAllowed(entry.access, caller);
      const succeeded = response.status >= 200 && response.status < 300;
      const reachedHandler = response.status >= 200 && response.status < 500 && response.status !== 401 && response.status !== 403;
      cellsForEntry.push(`${caller}:${response.status}`);
      if (!allowed && succeeded) unauthorisedSuccesses++;
      const refusedAsExpected = entry.devOnly
        ? response.status === 404
        : entry.kind === "page"
          ? caller === "anonymous"
            ? response.status >= 300 && response.status < 400 && (response.headers.get("location") ?? "").includes("/signin")
            : response.status === 403
          : response.status === (caller === "anonymous" ? 401 : 403);
      const allowedAsExpected = entry.effect === "reaches-handler" ? reachedHandler : succeeded;
      if (allowed ? !allowedAsExpected : !refusedAsExpected) wrong.push(`${request.method} ${request.path} as ${caller} (${entry.access}): ${response.status} ${response.text.slice(0, 120)}`);
    }
    rows.push(`  ${entry.access.padEnd(13)} ${entry.kind.padEnd(5)} ${entry.file.padEnd(44)} ${cellsForEntry.join(" ")}`);
  }
  console.log(`authorisation matrix: ${ROUTE_TABLE.length} routes × ${CALLERS.length} callers = ${cells} requests, ${unauthorisedSuccesses} unauthorised successes\n${rows.join("\n")}`);
  await hide();
  expect(unauthorisedSuccesses).toBe(0);
  expect(wrong).toEqual([]);
});
