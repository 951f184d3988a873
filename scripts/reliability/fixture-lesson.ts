// A lesson published through the studio API, for journeys and benchmarks that need a quiz policy the course
// itself does not use: the explanation after every submit, or unlimited attempts for a load. The course's own
// quizzes follow its policy (3 attempts, answers after the last; lib/quiz/policy.ts), and specs must not
// pretend otherwise. The quiz's definition, key included, is read back from the database the server stored it
// in (QuizVersion), as specs read .content/server/quizzes.json: the test process may see keys, the browser never.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { QuizDefinition } from "@/lib/quiz/types";
import { openDbProbe } from "./db-probe";
import { SessionClient } from "./session-client";

/** Three items, one of each kind, each with per-choice feedback on a wrong answer and an explanation. */
export const FIXTURE_ITEMS = `  <MultipleChoice id="{quiz}-single" question="Which measure did the optimiser push on?">
    <Choice correct>The proxy score.</Choice>
    <Choice feedback="FEEDBACK-FIXTURE-SINGLE: the intended outcome was never measured directly.">The intended outcome itself.</Choice>
    <Choice feedback="FEEDBACK-FIXTURE-SINGLE-2: nothing was random about it.">A random quantity.</Choice>
    <Explanation>EXPLANATION-FIXTURE-SINGLE: optimisation pressure lands on what is measured, the proxy.</Explanation>
  </MultipleChoice>
  <MultipleChoice id="{quiz}-multiple" multiple question="Which of these are proxies?">
    <Choice correct>Test scores.</Choice>
    <Choice correct>Click-through rate.</Choice>
    <Choice feedback="FEEDBACK-FIXTURE-MULTIPLE: this is the goal the proxies stand for.">What the learner actually understands.</Choice>
    <Choice feedback="FEEDBACK-FIXTURE-MULTIPLE-2: this is the value a recommender should serve.">What the user actually values.</Choice>
    <Explanation>EXPLANATION-FIXTURE-MULTIPLE: scores and clicks are measured stand-ins for understanding and value.</Explanation>
  </MultipleChoice>
  <TrueFalse id="{quiz}-truefalse" statement="A proxy can be optimised past the point where it tracks the goal." answer={true} feedbackFalse="FEEDBACK-FIXTURE-TRUEFALSE: that is what Goodhart's law warns about.">
    <Explanation>EXPLANATION-FIXTURE-TRUEFALSE: true; past some point more proxy buys less of the goal.</Explanation>
  </TrueFalse>`;

export type FixtureLessonOptions = {
  baseUrl: string;
  courseSlug: string;
  /** Part of the slug and quiz id; a random suffix keeps runs and specs apart. */
  name: string;
  /** Written into the <Quiz> tag as is, e.g. 'showAnswers="after-submit"' or 'maxAttempts={0}'. */
  quizAttributes: string;
  instructor: { email: string; password: string };
  /** Items with {quiz} standing for the quiz id; FIXTURE_ITEMS when left out. */
  items?: string;
  /** The server's database, where the definition is read back; DATABASE_URL when left out. */
  databaseUrl?: string;
};

export type FixtureLesson = {
  slug: string;
  quiz: QuizDefinition;
  /** Hides the lesson again (a studio lesson cannot be deleted), so it leaves the syllabus as it found it. */
  hide: () => Promise<void>;
};

export function fixtureLessonSource(slug: string, quizId: string, quizAttributes: string, items = FIXTURE_ITEMS): string {
  return `---
title: "Fixture: ${slug}"
slug: ${slug}
summary: A lesson a test published to exercise one quiz policy.
estimatedMinutes: 5
objectives:
  - Answer a quiz under this policy
---

A fixture lesson.

<Quiz id="${quizId}" ${quizAttributes}>
${items.replaceAll("{quiz}", quizId)}
</Quiz>
`;
}

/** The stored definition of the quiz's current version: the one the server grades against. */
async function storedDefinition(quizId: string, version: string, databaseUrl?: string): Promise<QuizDefinition> {
  const probe = await openDbProbe(databaseUrl);
  try {
    const rows = await probe.query<{ definition: string }>(`SELECT "definition" FROM "QuizVersion" WHERE "id" = ?`, [`${quizId}@${version}`]);
    if (!rows[0]) throw new Error(`no QuizVersion ${quizId}@${version} in the database`);
    return JSON.parse(rows[0].definition) as QuizDefinition;
  } finally {
    await probe.close();
  }
}

async function currentDefinition(client: SessionClient, quizId: string, databaseUrl?: string): Promise<QuizDefinition> {
  const state = await client.send("GET", `/api/quizzes/${quizId}/state`);
  const version = (state.body as { quiz?: { version?: string } }).quiz?.version;
  if (state.status !== 200 || !version) throw new Error(`quiz ${quizId} state: ${state.status} ${state.text}`);
  return storedDefinition(quizId, version, databaseUrl);
}

async function signedInInstructor(baseUrl: string, account: { email: string; password: string }): Promise<SessionClient> {
  const instructor = new SessionClient(baseUrl);
  await instructor.signIn(account.email, account.password);
  return instructor;
}

export async function publishFixtureLesson(options: FixtureLessonOptions): Promise<FixtureLesson> {
  const slug = `${options.name}-${randomUUID().slice(0, 8)}`;
  const quizId = `${slug}-check`;
  const instructor = await signedInInstructor(options.baseUrl, options.instructor);
  const lessons = `/api/studio/courses/${options.courseSlug}/lessons`;
  const created = await instructor.send("POST", lessons, { json: { slug, title: `Fixture: ${slug}` } });
  if (created.status !== 201) throw new Error(`creating fixture lesson ${slug}: ${created.status} ${created.text}`);
  const source = fixtureLessonSource(slug, quizId, options.quizAttributes, options.items);
  const published = await instructor.send("POST", `${lessons}/${slug}/publish`, { json: { source, baseRevisionId: null, draftVersion: 1 } });
  if (published.status !== 201) throw new Error(`publishing fixture lesson ${slug}: ${published.status} ${published.text}`);
  return {
    slug,
    quiz: await currentDefinition(instructor, quizId, options.databaseUrl),
    async hide() {
      // A fresh sign-in: the spec may have ended the instructor's sessions meanwhile (sign out everywhere).
      const again = await signedInInstructor(options.baseUrl, options.instructor);
      const hidden = await again.send("PATCH", `${lessons}/${slug}`, { json: { published: false } });
      if (hidden.status !== 200) throw new Error(`hiding fixture lesson ${slug}: ${hidden.status} ${hidden.text}`);
    },
  };
}

export type RepublishedLesson = {
  quiz: QuizDefinition;
  /** Serves the lesson file again, as before the republish. */
  restore: () => Promise<void>;
};

/**
 * A course lesson republished from the studio with extra attributes on one quiz (e.g. 'maxAttempts={0}'): the
 * same questions and key, another policy. For loads that must grade the real quiz many times per learner.
 */
export async function republishWithQuizPolicy(options: {
  baseUrl: string;
  courseSlug: string;
  lessonSlug: string;
  quizId: string;
  quizAttributes: string;
  instructor: { email: string; password: string };
  databaseUrl?: string;
}): Promise<RepublishedLesson> {
  const file = `content/courses/${options.courseSlug}/${options.lessonSlug}.mdx`;
  const original = readFileSync(file, "utf8");
  const tag = `<Quiz id="${options.quizId}"`;
  if (!original.includes(tag)) throw new Error(`${file} has no ${tag}`);
  const source = original.replace(tag, `${tag} ${options.quizAttributes}`);
  const instructor = await signedInInstructor(options.baseUrl, options.instructor);
  const lessonApi = `/api/studio/courses/${options.courseSlug}/lessons/${options.lessonSlug}`;
  const published = await instructor.send("POST", `${lessonApi}/publish`, { json: { source, baseRevisionId: null, draftVersion: null, message: `bench: ${options.quizAttributes}` } });
  if (published.status !== 201) throw new Error(`republishing ${options.lessonSlug}: ${published.status} ${published.text}`);
  return {
    quiz: await currentDefinition(instructor, options.quizId, options.databaseUrl),
    async restore() {
      const again = await signedInInstructor(options.baseUrl, options.instructor);
      const restored = await again.send("PATCH", lessonApi, { json: { published: true, serveFile: true } });
      if (restored.status !== 200) throw new Error(`serving ${options.lessonSlug} from its file again: ${restored.status} ${restored.text}`);
    },
  };
}
