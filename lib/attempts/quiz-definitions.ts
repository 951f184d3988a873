import "server-only";
// Finds the definition (with its key) a submission must be graded against: the exact version the learner saw.
import { db } from "@/lib/db/client";
import type { QuizDefinition } from "@/lib/quiz/types";
import { readQuizDefinitions } from "@/lib/content/compiled-store";
import { quizVersionId, syncQuizVersions } from "./quiz-versions";

// A quiz version is immutable (its id is the content hash), so a parsed definition is kept per process:
// grading a submission then costs no query and no JSON.parse for the definition.
const parsed = new Map<string, QuizDefinition>();

export async function findQuizDefinition(quizId: string, version: string): Promise<QuizDefinition | null> {
  const id = quizVersionId({ id: quizId, version });
  const known = parsed.get(id);
  if (known) return known;
  const stored = await db().quizVersion.findUnique({ where: { id } });
  if (stored) {
    const definition = JSON.parse(stored.definition) as QuizDefinition;
    parsed.set(id, definition);
    return definition;
  }
  // Compiled after the last seed (e.g. a content edit under `npm run dev`): store it now, then use it.
  const compiled = (await readQuizDefinitions()).find((definition) => definition.id === quizId && definition.version === version);
  if (!compiled) return null;
  await syncQuizVersions(db(), [compiled]);
  return compiled;
}

/** The newest definition of a quiz (any version), for views that are not tied to one attempt. */
export async function latestQuizDefinition(quizId: string): Promise<QuizDefinition | null> {
  const compiled = (await readQuizDefinitions()).find((definition) => definition.id === quizId);
  if (compiled) return compiled;
  const stored = await db().quizVersion.findFirst({ where: { quizId }, orderBy: { createdAt: "desc" } });
  return stored ? (JSON.parse(stored.definition) as QuizDefinition) : null;
}
