// Security headers in a real browser, session cookie flags and Origin checks on writes. The sign-in and
// sign-up limits are in rate-limits.spec.ts.
import { expect, test } from "@playwright/test";
import { databaseUrl, openDbProbe } from "@/scripts/reliability/db-probe";
import { startAppServer } from "@/scripts/reliability/app-server";
import { SessionClient } from "@/scripts/reliability/session-client";
import { COURSE, LESSONS } from "../support";
import { BASE_URL, LESSON, newStudent } from "./support";

const PAGES = ["/", `/courses/${COURSE}`, `/courses/${COURSE}/${LESSONS[0]}`, `/courses/${COURSE}/${LESSONS[3]}`, "/sandbox/conformal"];

test("student pages send a CSP without unsafe-eval and run with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`));
    localStorage.setItem("theme", "dark");
  });
  for (const path of PAGES) {
    const response = await page.goto(path);
    const csp = response!.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("object-src 'none'");
    expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
    // The inline theme script ran under the policy.
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("pages cannot eval, and worker scripts can neither eval nor reach the network", async ({ page }) => {
  for (const path of [`/courses/${COURSE}/${LESSONS[0]}`, "/sandbox/conformal"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle"); // hydrated, so React leaves the probe alone
    // A real click on an inline handler: code run from page.evaluate is exempt from the page's CSP.
    await page.evaluate(() => {
      const probe = document.createElement("button");
      probe.id = "eval-probe";
      probe.textContent = "eval probe";
      probe.style.cssText = "position:fixed;top:0;left:0;z-index:2147483647";
      probe.setAttribute("onclick", "try{eval('1+1');document.body.dataset.evalProbe='allowed'}catch(e){document.body.dataset.evalProbe='blocked'}");
      document.body.prepend(probe);
    });
    await page.click("#eval-probe");
    expect(await page.evaluate(() => document.body.dataset.evalProbe), path).toBe("blocked");
  }
  const chunk = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).find((name) => name.includes("/_next/static/chunks/")));
  const response = await fetch(new URL(new URL(chunk!).pathname, BASE_URL));
  expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; script-src 'self'; connect-src 'none'");
});

test("session cookies are HttpOnly and SameSite=Lax, and Secure when the site is served over https", async () => {
  const plain = await newStudent(BASE_URL, "cookie");
  const setCookie = async (baseUrl: string, email: string) => {
    const client = new SessionClient(baseUrl);
    const csrfToken = await client.csrfToken();
    const response = await client.send("POST", "/api/auth/callback/credentials", {
      raw: new URLSearchParams({ csrfToken, email, password: "a-long-password", json: "true" }).toString(),
      contentType: "application/x-www-form-urlencoded",
    });
    return response.headers.getSetCookie().find((cookie) => cookie.includes("next-auth.session-token="))!;
  };
  const overHttp = await setCookie(BASE_URL, plain.email);
  expect(overHttp).toMatch(/; HttpOnly/i);
  expect(overHttp).toMatch(/; SameSite=Lax/i);
  expect(overHttp).not.toMatch(/; Secure/i);

  // A second production server that believes it is on https (as behind a TLS-terminating proxy).
  const secure = await startAppServer({ databaseUrl: databaseUrl(), env: { NEXTAUTH_URL: "https://localhost" } });
  try {
    const overHttps = await setCookie(secure.url, plain.email);
    expect(overHttps).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(overHttps).toMatch(/; HttpOnly/i);
    expect(overHttps).toMatch(/; Secure/i);
    expect(overHttps).toMatch(/; SameSite=Lax/i);
  } finally {
    await secure.kill();
  }
});

test("writes with a foreign Origin are refused and change nothing", async () => {
  const student = await newStudent(BASE_URL, "origin");
  const probe = await openDbProbe();
  try {
    const body = { json: { ...LESSON, section: "foreign" } };
    const before = await probe.snapshot();
    for (const origin of ["http://evil.example", "null", "https://localhost.evil.example", "not a url"]) {
      const response = await student.send("POST", "/api/progress/visit", { ...body, headers: { origin } });
      expect(response.status, origin).toBe(403);
      expect(response.body).toEqual({ error: "Cross-origin requests are not allowed." });
    }
    expect((await probe.snapshot()).digest).toBe(before.digest);
    expect((await student.send("POST", "/api/progress/visit", body)).status).toBe(200);
  } finally {
    await probe.close();
  }
});
