// Open redirects after sign-in, table-driven, in a real browser: each payload is put into the sign-in
// page's callbackUrl exactly as an attacker would write it in a link, the form is submitted, and the
// browser must stay on this site. The same payloads go through next-auth's own callbackUrl.
import { expect, test } from "@playwright/test";
import { SessionClient } from "@/scripts/reliability/session-client";
import { DEMO } from "./support";

/** [query-string value as written in the link, where the browser should end up] */
const PAYLOADS: [string, string][] = [
  // In the browser (each one is a real sign-in, about a second apiece): the payloads, the other
  // characters browsers drop or rewrite, and two same-site targets that must still work.
  ["/%09/evil.example/x", "/"],
  ["/%0A/evil.example/x", "/"],
  ["/%0D/evil.example/x", "/"],
  ["/%09%5Cevil.example/x", "/"],
  ["%09//evil.example", "/"],
  ["/%5Cevil.example", "/"],
  ["/.//evil.example", "/"],
  ["https://evil.example/", "/"],
  ["javascript:alert(document.domain)", "/"],
  ["/courses/alignment-foundations", "/courses/alignment-foundations"],
  ["%2Fsearch%3Fq%3Dgoodhart", "/search?q=goodhart"],
];
const IN_BROWSER = PAYLOADS.length;
// Through next-auth's callbackUrl as well (cheap requests), and in lib/http/safe-redirect.test.ts.
PAYLOADS.push(
  ["//evil.example", "/"],
  ["%2F%2Fevil.example", "/"],
  ["/%2F%2Fevil.example", "/"],
  ["///evil.example", "/"],
  ["%5C%5Cevil.example", "/"],
  ["/%5C/evil.example", "/"],
  ["/%2e%2e//evil.example", "/"],
  ["https:evil.example", "/"],
  ["http://localhost@evil.example/", "/"],
  ["%20//evil.example", "/"],
  ["/%00/evil.example", "/"],
);

test("sign-in never sends the browser off-site, whatever callbackUrl says", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const offSite: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== origin && !request.url().startsWith("data:")) offSite.push(request.url());
  });
  const landed: string[] = [];
  for (const [payload, expected] of PAYLOADS.slice(0, IN_BROWSER)) {
    await page.goto(`/signin?callbackUrl=${payload}`);
    await page.getByLabel("Email").fill(DEMO.student.email);
    await page.getByLabel("Password").fill(DEMO.student.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // "commit": the address changed; the page it leads to need not finish loading.
    await page.waitForURL((url) => (url.href.startsWith(origin) ? !url.pathname.startsWith("/signin") : true), { waitUntil: "commit" });
    const url = new URL(page.url());
    landed.push(`${payload} → ${url.origin === origin ? url.pathname + url.search : url.href}`);
    expect(url.origin, payload).toBe(origin);
    expect(url.pathname + url.search, payload).toBe(expected);
  }
  console.log(`redirects:\n  ${landed.join("\n  ")}`);
  expect(offSite).toEqual([]);
});

test("next-auth's own callbackUrl is held to the same rule", async ({ baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const [payload, expected] of PAYLOADS) {
    const client = new SessionClient(baseURL!);
    const csrfToken = await client.csrfToken();
    const callbackUrl = decodeURIComponent(payload);
    const response = await client.send("POST", "/api/auth/callback/credentials", {
      raw: new URLSearchParams({ csrfToken, email: DEMO.student.email, password: DEMO.student.password, callbackUrl, json: "true" }).toString(),
      contentType: "application/x-www-form-urlencoded",
    });
    const url = new URL((response.body as { url: string }).url);
    expect(url.origin, payload).toBe(origin);
    expect(url.pathname + url.search, payload).toBe(expected);
  }
});
