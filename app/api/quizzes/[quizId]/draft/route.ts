import { latestQuizDefinition } from "@/lib/attempts/quiz-definitions";
import { saveQuizDraft } from "@/lib/attempts/state";
import { HttpError, jsonRoute } from "@/lib/http/route";
import { saveDraftSchema } from "@/lib/quiz/submission";

export const PUT = jsonRoute<"student", typeof saveDraftSchema, { quizId: string }>({
  access: "student",
  body: saveDraftSchema,
  maxBytes: 32 * 1024,
  async handler({ user, body, params }) {
    if (body.quizId !== params.quizId) throw new HttpError(400, "quizId does not match the URL.", { quizId: "mismatch" });
    // Without this, any string made a stored draft: a signed-in client could fill the table with made-up quizzes.
    if (!(await latestQuizDefinition(params.quizId))) throw new HttpError(404, "No such quiz.", { quizId: "unknown" });
    await saveQuizDraft(user, params.quizId, body.responses);
    return { ok: true };
  },
});
