// Shared helpers for the journeys: accounts, sign-in over the API, and the compiled quiz key (read from
// the server-side build output, which the test process may see but the browser never does).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { QuizDefinition, QuizItemDefinition } from "@/lib/quiz/types";
import { publishFixtureLesson, type FixtureLesson } from "@/scripts/reliability/fixture-lesson";
import { SessionClient } from "@/scripts/reliability/session-client";

export const COURSE = "alignment-foundations";
export const LESSONS = [
  "why-fitting-data-is-not-enough",
  "goodhart-and-specification-gaming",
  "data-structure-and-generalisation",
  "conformal-property-alignment",
  "evaluation-and-deployment",
] as const;

export const DEMO = {
  student: { email: "student@example.com", password: "student-password", name: "Demo Student" },
  instructor: { email: "instructor@example.com", password: "instructor-password", name: "Demo Instructor" },
  admin: { email: "admin@example.com", password: "admin-password", name: "Demo Admin" },
};

export function uniqueEmail(prefix = "learner"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * A new account, created over the API from a loopback address of its own (SessionClient), as if each
 * learner signed up from their own machine: the per-address sign-up limit then never trips across specs.
 * The request context is not used; it stays in the signature the specs call.
 */
export async function createAccount(_request: APIRequestContext, name = "Test Learner") {
  const account = { name, email: uniqueEmail(), password: "a-long-password" };
  const response = await new SessionClient(`http://localhost:${process.env.E2E_PORT ?? 3100}`).send("POST", "/api/account/signup", { json: account });
  expect(response.status, response.text).toBe(202);
  return account;
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the page's context. */
export async function signInViaApi(page: Page, email: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email).toBe(email.toLowerCase());
}

/** A new student account, signed in. */
export async function signedInStudent(page: Page) {
  const account = await createAccount(page.request);
  await signInViaApi(page, account.email, account.password);
  return account;
}

let definitions: QuizDefinition[] | null = null;
export function quizDefinitions(): QuizDefinition[] {
  definitions ??= JSON.parse(readFileSync(".content/server/quizzes.json", "utf8")) as QuizDefinition[];
  return definitions;
}
/** A well-formed answer to any item: its first choice, or a (wrong) number for a numeric item. */
export const someAnswer = (item: QuizItemDefinition): string[] => (item.kind === "numeric" ? ["-999999"] : [item.choices[0]!.id]);
/** The right answer to any item: every correct choice, or a numeric item's key as the author wrote it. */
export const rightAnswer = (item: QuizItemDefinition): string[] =>
  item.kind === "numeric" ? [item.numericKey!.answer] : item.choices.filter((choice) => choice.correct).map((choice) => choice.id);
/** A wrong answer to any item: a wrong choice, or a number far outside every tolerance. */
export const wrongAnswer = (item: QuizItemDefinition): string[] => (item.kind === "numeric" ? ["-999999"] : [item.choices.find((choice) => !choice.correct)!.id]);

/**
 * Brings a lesson's quiz near the viewport, where it loads its code (components/quiz/quiz-island.tsx), and
 * waits until it takes answers. The quiz's server HTML is replaced as it goes live, so the scroll is retried.
 */
export async function openQuiz(section: Locator, options: { timeout?: number } = {}) {
  await expect(async () => {
    await section.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await expect(section).toHaveAttribute("data-phase", "answering", { timeout: 2_000 });
  }).toPass({ timeout: options.timeout ?? 30_000 });
}

/**
 * A lesson's interactive figures load when the reader nears them (components/ui/watch-near.ts): scrolls to
 * each placeholder, as a reader would, until every figure has arrived.
 */
export async function revealFigures(page: Page, options: { timeout?: number } = {}) {
  const placeholders = page.locator("[data-figure-placeholder]");
  await expect(async () => {
    for (const placeholder of await placeholders.all()) await placeholder.evaluate((element) => element.scrollIntoView({ block: "center" })).catch(() => {});
    await expect(placeholders).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: options.timeout ?? 30_000 });
}

/** Puts an answer into the page: checks choices, or types a numeric item's number. */
export async function enterAnswer(page: Page, item: QuizItemDefinition, answer: string[]) {
  if (item.kind === "numeric") await page.getByTestId(`numeric-${item.id}`).fill(answer[0] ?? "");
  else for (const choiceId of answer) await page.locator(`input[value="${choiceId}"]`).check();
}

export function quizDefinition(quizId: string): QuizDefinition {
  const found = quizDefinitions().find((quiz) => quiz.id === quizId);
  if (!found) throw new Error(`no quiz ${quizId} in .content/server/quizzes.json`);
  return found;
}

/**
 * A lesson in the course with a quiz under a policy the course does not use (e.g. 'showAnswers="after-submit"',
 * 'maxAttempts={0}'), published through the studio API by the demo instructor; call hide() when done.
 */
export function fixtureLesson(name: string, quizAttributes: string): Promise<FixtureLesson> {
  return publishFixtureLesson({ baseUrl: `http://localhost:${process.env.E2E_PORT ?? 3100}`, courseSlug: COURSE, name, quizAttributes, instructor: DEMO.instructor });
}

export async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} node(s) ${JSON.stringify(violation.nodes[0]?.target ?? [])}`);
  expect(summary).toEqual([]);
}

export async function setTheme(page: Page, theme: "light" | "dark") {
  await page.addInitScript((value) => localStorage.setItem("theme", value), theme);
}
