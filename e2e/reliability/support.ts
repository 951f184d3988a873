// Shared by the reliability journeys: the suite's base URL, quiz fixtures from the server-side build
// output, and signed-in API clients.
import { randomUUID } from "node:crypto";
import { SessionClient } from "@/scripts/reliability/session-client";
import type { QuizDefinition } from "@/lib/quiz/types";
import { COURSE, fixtureLesson, LESSONS, quizDefinition, someAnswer } from "../support";

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

export function quizFixture(quizId: string) {
  return fixtureOf(quizDefinition(quizId));
}

/**
 * quizFixture's shape for a quiz with unlimited attempts (maxAttempts={0}) in a fixture lesson of its own:
 * the course's quizzes allow 3, and a load needs more. Call hide() when done.
 */
export async function unlimitedQuizFixture(name: string) {
  const lesson = await fixtureLesson(name, "maxAttempts={0}");
  return { ...fixtureOf(lesson.quiz), hide: lesson.hide };
}

function fixtureOf(definition: QuizDefinition) {
  return {
    quizId: definition.id,
    quizVersion: definition.version,
    itemIds: definition.items.map((item) => item.id),
    choiceIds: definition.items.flatMap((item) => item.choices.map((choice) => choice.id)),
    /** The first choice of every item (a number for a numeric one): a well-formed, not necessarily correct, answer. */
    responses: Object.fromEntries(definition.items.map((item) => [item.id, someAnswer(item)])),
    maxAttempts: definition.policy.maxAttempts,
  };
}

export const LESSON = { courseSlug: COURSE, lessonSlug: LESSONS[0] };

export async function newStudent(baseUrl = BASE_URL, prefix = "rel"): Promise<SessionClient & { email: string }> {
  const client = new SessionClient(baseUrl) as SessionClient & { email: string };
  client.email = `${prefix}-${randomUUID().slice(0, 12)}@example.com`;
  await client.signUpAndSignIn({ name: "Reliability Learner", email: client.email, password: "a-long-password" });
  return client;
}

export type SignInOutcome = "signed-in" | "wrong-password" | "rate-limited" | `other: ${string}`;

/** One credentials sign-in as a browser form sends it, classified by what next-auth answered. */
export async function signInAttempt(
  client: SessionClient,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  csrfToken?: string,
): Promise<SignInOutcome> {
  csrfToken ??= await client.csrfToken();
  const response = await client.send("POST", "/api/auth/callback/credentials", {
    raw: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    contentType: "application/x-www-form-urlencoded",
    headers,
  });
  const url = decodeURIComponent((response.body as { url?: string } | undefined)?.url ?? "");
  if (url.includes("Too many failed sign-ins")) return "rate-limited";
  if (url.includes("Wrong email or password")) return "wrong-password";
  if (response.status === 200 && !url.includes("error=") && response.headers.getSetCookie().some((cookie) => cookie.includes("session-token="))) return "signed-in";
  return `other: ${response.status} ${url || response.text.slice(0, 120)}`;
}
