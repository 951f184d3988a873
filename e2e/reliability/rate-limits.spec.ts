// The sign-in and sign-up limits as an attacker probes them: keyed on the socket address (forwarded
// headers count only from a proxy the operator trusts), reserved before the password is checked, and
// shared by every instance on one database. Each simulated client connects from its own loopback address
// (SessionClient), so these floods cannot lock out the rest of the suite.
import { randomUUID } from "node:crypto";
import { expect, test, type TestInfo } from "@playwright/test";
import { databaseUrl } from "@/scripts/reliability/db-probe";
import { startAppServer, type AppServer } from "@/scripts/reliability/app-server";
import { SessionClient } from "@/scripts/reliability/session-client";
import { BASE_URL, newStudent, signInAttempt } from "./support";

const ADDRESS_LIMIT = 30; // failed sign-ins per client address in 15 minutes (lib/security/rate-limit-rules.ts)
const ACCOUNT_LIMIT = 5; // failed sign-ins per account in 15 minutes
const SIGN_UP_LIMIT = 20; // sign-ups per client address in an hour

/** A second instance on the same database that trusts 127.0.0.1 as its reverse proxy. */
let proxied: AppServer;
test.beforeAll(async ({}, testInfo: TestInfo) => {
  testInfo.setTimeout(120_000);
  proxied = await startAppServer({ databaseUrl: databaseUrl(), env: { TRUSTED_PROXIES: "127.0.0.1" } });
});
test.afterAll(async () => {
  await proxied?.kill();
});

const run = randomUUID().slice(0, 8);
const nobody = (i: number | string) => `nobody-${run}-${i}@example.com`;

test("a flood of failed sign-ins without forwarded headers locks out its own address only", async () => {
  const victim = await newStudent(BASE_URL, "socket");
  const attacker = new SessionClient(BASE_URL);
  for (let i = 0; i < ADDRESS_LIMIT; i++) expect(await signInAttempt(attacker, nobody(`a${i}`), "wrong-password")).toBe("wrong-password");
  expect(await signInAttempt(attacker, victim.email, "a-long-password")).toBe("rate-limited");
  // Every other client still signs in: the limit is not shared by all clients that send no header.
  expect(await signInAttempt(new SessionClient(BASE_URL), victim.email, "a-long-password")).toBe("signed-in");
});

test("rotating X-Forwarded-For does not dodge the limit when no proxy is trusted", async () => {
  const victim = await newStudent(BASE_URL, "rotate");
  const attacker = new SessionClient(BASE_URL);
  for (let i = 0; i < ADDRESS_LIMIT; i++) {
    await signInAttempt(attacker, nobody(`r${i}`), "wrong-password", { "x-forwarded-for": `203.0.113.${i + 1}` });
  }
  expect(await signInAttempt(attacker, victim.email, "a-long-password", { "x-forwarded-for": "198.51.100.77" })).toBe("rate-limited");
});

test("behind a trusted proxy, the limit keys on the address the proxy saw, not on what the client claimed", async () => {
  const victim = await newStudent(proxied.url, "proxied");
  // The proxy connects from 127.0.0.1 and appends the client's real address to what the client sent.
  const proxy = new SessionClient(proxied.url, {}, { clientAddress: "127.0.0.1" });
  const client = "198.51.100.23";
  for (let i = 0; i < ADDRESS_LIMIT; i++) {
    expect(await signInAttempt(proxy, nobody(`p${i}`), "wrong-password", { "x-forwarded-for": `10.9.${i}.1, ${client}` })).toBe("wrong-password");
  }
  expect(await signInAttempt(proxy, victim.email, "a-long-password", { "x-forwarded-for": `203.0.113.200, ${client}` })).toBe("rate-limited");
  // Another client behind the same proxy is not affected.
  expect(await signInAttempt(proxy, victim.email, "a-long-password", { "x-forwarded-for": "198.51.100.24" })).toBe("signed-in");
  // A client that is not the proxy cannot borrow an address by sending the header itself.
  const direct = new SessionClient(proxied.url);
  expect(await signInAttempt(direct, victim.email, "a-long-password", { "x-forwarded-for": client })).toBe("signed-in");
});

test("parallel guesses at one account: each is reserved before its password is checked, so only the limit is evaluated", async () => {
  const victim = await newStudent(BASE_URL, "parallel");
  // Each guess from its own address, so only the per-account limit can stop them.
  const guessers = Array.from({ length: 25 }, () => new SessionClient(BASE_URL));
  const tokens = await Promise.all(guessers.map((guesser) => guesser.csrfToken())); // then all guesses at once
  const outcomes = await Promise.all(guessers.map((guesser, i) => signInAttempt(guesser, victim.email, `wrong-password-${i}`, {}, tokens[i])));
  expect(outcomes.filter((outcome) => outcome === "wrong-password")).toHaveLength(ACCOUNT_LIMIT);
  expect(outcomes.filter((outcome) => outcome === "rate-limited")).toHaveLength(25 - ACCOUNT_LIMIT);
  expect(await signInAttempt(new SessionClient(BASE_URL), victim.email, "a-long-password")).toBe("rate-limited");
});

test("the limit holds across instances on one database", async () => {
  const victim = await newStudent(BASE_URL, "instances");
  const onFirst = new SessionClient(BASE_URL);
  const onSecond = new SessionClient(proxied.url);
  for (let i = 0; i < 3; i++) expect(await signInAttempt(onFirst, victim.email, "wrong-password")).toBe("wrong-password");
  for (let i = 0; i < ACCOUNT_LIMIT - 3; i++) expect(await signInAttempt(onSecond, victim.email, "wrong-password")).toBe("wrong-password");
  expect(await signInAttempt(onSecond, victim.email, "a-long-password")).toBe("rate-limited");
  expect(await signInAttempt(onFirst, victim.email, "a-long-password")).toBe("rate-limited");
});

test("sign-up is throttled per address, with a clear answer and Retry-After", async () => {
  const client = new SessionClient(BASE_URL);
  const signUp = (i: number) => client.send("POST", "/api/account/signup", { json: { name: "Throttled", email: `throttle-${run}-${i}@example.com`, password: "a-long-password" } });
  for (let i = 0; i < SIGN_UP_LIMIT; i++) expect((await signUp(i)).status).toBeLessThan(300);
  const refused = await signUp(SIGN_UP_LIMIT);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((refused.body as { error: string }).error).toMatch(/^Too many sign-ups from your network\. Try again in \d+ minutes?\.$/);
  // Another address is not affected.
  const other = await new SessionClient(BASE_URL).send("POST", "/api/account/signup", { json: { name: "Elsewhere", email: `throttle-${run}-other@example.com`, password: "a-long-password" } });
  expect(other.status).toBeLessThan(300);
});
