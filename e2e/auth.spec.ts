import { expect, test } from "@playwright/test";
import { createAccount, DEMO, signInViaApi, uniqueEmail } from "./support";

test("sign up, see your name, sign out, and sign in again", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("analytical-engine");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Ada Lovelace");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("analytical-engine");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Ada Lovelace");
});

test("sign-up errors name their field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, such as ada@example.com.")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
});

test("a wrong password gives an error that names the problem", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.student.email);
  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#form-error")).toHaveText("Wrong email or password.");
  await expect(page.getByTestId("signed-in-name")).toHaveCount(0);
});

test("the seeded instructor signs in and sees the studio link", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.instructor.email);
  await page.getByLabel("Password").fill(DEMO.instructor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText(DEMO.instructor.name);
  await expect(page.getByRole("link", { name: "Studio" })).toBeVisible();
});

test("repeated wrong passwords for one account are rate-limited with a clear message", async ({ page }) => {
  const account = await createAccount(page.request);
  const csrf = async () => ((await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  for (let i = 0; i < 5; i++) {
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email: account.email, password: "wrong-password", json: "true" } });
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password); // even the right password waits out the lock
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#form-error")).toContainText("Too many failed sign-ins. Try again in");
});

test("a student gets 403 from the admin page and the admin route, and nothing changes", async ({ page }) => {
  const student = await createAccount(page.request, "Curious Student");
  await signInViaApi(page, student.email, student.password);

  const pageResponse = await page.goto("/admin/users");
  expect(pageResponse?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();

  // Try to promote themselves straight through the API.
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  const attempt = await page.request.patch(`/api/admin/users/${session.user.id}/role`, { data: { role: "admin" } });
  expect(attempt.status()).toBe(403);

  // The role is unchanged: the admin page still refuses, and an admin sees them as a student.
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
  await page.context().clearCookies();
  await signInViaApi(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/users");
  await expect(page.getByLabel(`Role of ${student.email}`)).toHaveValue("student");
});

test("an admin changes a role on the admin page", async ({ page }) => {
  const learner = await createAccount(page.request, "Future Instructor");
  await signInViaApi(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto("/admin/users");
  await page.getByLabel(`Role of ${learner.email}`).selectOption("instructor");
  await expect(page.getByText("Saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${learner.email}`)).toHaveValue("instructor");
});

test("signed-out callers get 401 from student routes", async ({ request }) => {
  expect((await request.get("/api/progress")).status()).toBe(401);
  const submit = await request.post("/api/quizzes/l2-check/attempts", { data: {} });
  expect(submit.status()).toBe(401);
});
