// Small facts about studio compiles that the server and the compile worker share, kept apart from the
// compiler so that importing them does not pull the MDX pipeline into the server bundle.
import { installationChoiceIdSecret } from "@/lib/content/quiz-secret";
import { env } from "@/lib/env";

/** The installation's choice-id secret, the same content:build uses, so published ids match the files'.
 * Read on the main thread and handed to the compile worker with each task. */
export const choiceIdSalt = () => installationChoiceIdSecret(env().CHOICE_ID_SECRET);

/** The label diagnostics carry: the file the lesson would be in. */
export const studioFileLabel = (lessonSlug: string) => `${lessonSlug}.mdx`;
