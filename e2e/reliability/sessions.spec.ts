// Sessions end when they should: sign-out ends that session (a copied cookie stops working), "sign out
// everywhere", a password change and a role change end the old ones, and a session lives days, not a month.
import { expect, test } from "@playwright/test";
import { SessionClient } from "@/scripts/reliability/session-client";
import { DEMO } from "../support";
import { BASE_URL, newStudent } from "./support";

async function signedInAgain(email: string): Promise<SessionClient> {
  const client = new SessionClient(BASE_URL);
  await client.signIn(email, "a-long-password");
  return client;
}

const canReadProgress = async (client: SessionClient) => (await client.send("GET", "/api/progress")).status;

async function signOut(client: SessionClient) {
  const csrfToken = await client.csrfToken();
  const response = await client.send("POST", "/api/auth/signout", {
    raw: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    contentType: "application/x-www-form-urlencoded",
  });
  expect(response.status).toBe(200);
}

test("signing out ends that session on the server: a copy of the old cookie is refused, other sessions live on", async () => {
  const learner = await newStudent(BASE_URL, "signout");
  const stolen = learner.copy();
  const laptop = await signedInAgain(learner.email);
  expect(await canReadProgress(stolen)).toBe(200); // verified and remembered by the server before sign-out

  await signOut(learner);
  expect(await canReadProgress(stolen)).toBe(401);
  expect((await stolen.send("GET", "/api/auth/session")).body ?? {}).toEqual({});
  expect(await canReadProgress(laptop)).toBe(200);
});

test("sign out everywhere ends every session of the account, including the one that asked", async () => {
  const learner = await newStudent(BASE_URL, "everywhere");
  const phone = await signedInAgain(learner.email);
  const stolen = learner.copy();
  const response = await learner.send("DELETE", "/api/account/sessions");
  expect(response.status).toBe(200);
  expect((response.body as { ended: number }).ended).toBe(2);
  for (const client of [learner, phone, stolen]) expect(await canReadProgress(client)).toBe(401);
});

test("sign out of other devices keeps this session and ends the rest", async () => {
  const learner = await newStudent(BASE_URL, "others");
  const phone = await signedInAgain(learner.email);
  const response = await learner.send("DELETE", "/api/account/sessions?keep=current");
  expect(response.status).toBe(200);
  expect(await canReadProgress(learner)).toBe(200);
  expect(await canReadProgress(phone)).toBe(401);
});

test("a password change ends the other sessions, keeps this one, and only the new password signs in", async () => {
  const learner = await newStudent(BASE_URL, "password");
  const phone = await signedInAgain(learner.email);
  const wrong = await learner.send("POST", "/api/account/password", { json: { currentPassword: "not-my-password", newPassword: "violet kettle orbit 42" } });
  expect(wrong.status).toBe(400);
  expect((wrong.body as { fields: Record<string, string> }).fields.currentPassword).toBe("Wrong password.");
  const weak = await learner.send("POST", "/api/account/password", { json: { currentPassword: "a-long-password", newPassword: "password1" } });
  expect(weak.status).toBe(400);
  expect((weak.body as { fields: Record<string, string> }).fields.newPassword).toBeTruthy();
  expect(await canReadProgress(phone)).toBe(200);

  const changed = await learner.send("POST", "/api/account/password", { json: { currentPassword: "a-long-password", newPassword: "violet kettle orbit 42" } });
  expect(changed.status).toBe(200);
  expect(await canReadProgress(learner)).toBe(200);
  expect(await canReadProgress(phone)).toBe(401);
  await expect(new SessionClient(BASE_URL).signIn(learner.email, "a-long-password")).rejects.toThrow(/sign-in failed/);
  await new SessionClient(BASE_URL).signIn(learner.email, "violet kettle orbit 42");
});

test("a role change ends the user's sessions, so no page keeps showing the old role", async () => {
  const learner = await newStudent(BASE_URL, "role");
  const userId = ((await learner.send("GET", "/api/auth/session")).body as { user: { id: string } }).user.id;
  const admin = new SessionClient(BASE_URL);
  await admin.signIn(DEMO.admin.email, DEMO.admin.password);
  expect((await admin.send("PATCH", `/api/admin/users/${userId}/role`, { json: { role: "instructor" } })).status).toBe(200);
  expect(await canReadProgress(learner)).toBe(401);
  const again = await signedInAgain(learner.email);
  expect(((await again.send("GET", "/api/auth/session")).body as { user: { role: string } }).user.role).toBe("instructor");
});

test("the session cookie lives days, not a month, and is renewed while the session is used", async () => {
  const client = new SessionClient(BASE_URL);
  const csrfToken = await client.csrfToken();
  const response = await client.send("POST", "/api/auth/callback/credentials", {
    raw: new URLSearchParams({ csrfToken, email: DEMO.student.email, password: DEMO.student.password, json: "true" }).toString(),
    contentType: "application/x-www-form-urlencoded",
  });
  const expiry = (headers: Headers) => {
    const cookie = headers.getSetCookie().find((value) => value.includes("session-token="))!;
    return Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]!);
  };
  const issued = expiry(response.headers);
  const days = (issued - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThanOrEqual(7.01);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const renewed = await client.send("GET", "/api/auth/session");
  expect(expiry(renewed.headers)).toBeGreaterThan(issued);
});
