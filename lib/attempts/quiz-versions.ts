import "server-only";
// Quiz versions in the database: every compiled definition is stored once, by content hash, so an attempt
// always points at the exact questions and key it was graded against.
import type { Db } from "@/lib/db/client";
import type { QuizDefinition } from "@/lib/quiz/types";

export function quizVersionId(definition: Pick<QuizDefinition, "id" | "version">): string {
  return `${definition.id}@${definition.version}`;
}

export async function syncQuizVersions(database: Db, definitions: QuizDefinition[]): Promise<number> {
  const ids = definitions.map(quizVersionId);
  const existing = new Set(
    (await database.quizVersion.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  );
  const missing = definitions.filter((definition) => !existing.has(quizVersionId(definition)));
  for (const definition of missing) {
    await database.quizVersion.upsert({
      where: { id: quizVersionId(definition) },
      update: {},
      create: {
        id: quizVersionId(definition),
        quizId: definition.id,
        version: definition.version,
        courseSlug: definition.courseSlug,
        lessonSlug: definition.lessonSlug,
        definition: JSON.stringify(definition),
      },
    });
  }
  return missing.length;
}
