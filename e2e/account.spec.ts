// The account page: change the password (other devices are signed out) and sign out everywhere, in a
// real browser, and the page passes axe.
import { expect, test } from "@playwright/test";
import { SessionClient } from "@/scripts/reliability/session-client";
import { expectNoAxeViolations, signedInStudent } from "./support";

test("a learner changes their password and signs out everywhere from the account page", async ({ page, baseURL }) => {
  const account = await signedInStudent(page);
  const phone = new SessionClient(baseURL!);
  await phone.signIn(account.email, account.password);

  await page.goto("/");
  await page.getByTestId("signed-in-name").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("session-count")).toHaveText("You are signed in 2 times, on this device and others.");
  await expectNoAxeViolations(page, "main");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel(/^New password/).fill("password123");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is on lists of common passwords.")).toBeVisible();

  await page.getByLabel(/^New password/).fill("quiet lantern harbour 1815");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other devices are signed out.")).toBeVisible();
  expect((await phone.send("GET", "/api/progress")).status).toBe(401);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.request.get("/api/progress")).status()).toBe(401);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
});
