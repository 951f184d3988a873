// The zod shape of a quiz definition read back from storage (.content/server/quizzes.json, QuizVersion rows,
// studio revisions); lib/db/stored-json.ts reads every stored JSON value through schemas like this one.
// Definitions stored before the review options existed get the options their showAnswers implied.
import { z } from "zod";
import { defaultReviewOptions } from "./policy";
import type { QuizDefinition } from "./types";

const showAnswers = z.enum(["after-submit", "after-last-attempt", "after-correct", "never"]);
const reviewWhen = z.enum(["after-submit", "after-last-attempt", "never"]);

const policySchema = z
  .object({
    maxAttempts: z.number().int().positive().nullable(),
    showAnswers,
    review: z.object({ correctness: reviewWhen, marks: reviewWhen, specificFeedback: showAnswers, generalFeedback: showAnswers }).optional(),
    grading: z.enum(["highest", "last", "first", "average"]),
    shuffle: z.boolean(),
    passMark: z.number().min(0).max(1),
  })
  .transform((policy) => ({ ...policy, review: policy.review ?? defaultReviewOptions(policy.showAnswers) }));

const choiceSchema = z.object({ id: z.string(), labelHtml: z.string(), correct: z.boolean(), feedbackHtml: z.string().nullable() });

const numericKeySchema = z.object({
  answer: z.string(),
  tolerance: z.object({ kind: z.enum(["absolute", "relative"]), value: z.string() }),
  feedbackCorrectHtml: z.string().nullable(),
  feedbackIncorrectHtml: z.string().nullable(),
});

const itemSchema = z.object({
  id: z.string(),
  kind: z.enum(["single", "multiple", "truefalse", "numeric"]),
  promptHtml: z.string(),
  choices: z.array(choiceSchema),
  explanationHtml: z.string().nullable(),
  units: z.string().optional(),
  numericKey: numericKeySchema.optional(),
});

export const quizDefinitionSchema: z.ZodType<QuizDefinition> = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  courseSlug: z.string(),
  lessonSlug: z.string(),
  policy: policySchema,
  items: z.array(itemSchema),
});
