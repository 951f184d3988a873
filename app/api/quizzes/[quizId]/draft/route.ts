import { saveQuizDraft } from "@/lib/attempts/state";
import { HttpError, jsonRoute } from "@/lib/http/route";
import { saveDraftSchema } from "@/lib/quiz/submission";

export const PUT = jsonRoute<"student", typeof saveDraftSchema, { quizId: string }>({
  access: "student",
  body: saveDraftSchema,
  maxBytes: 32 * 1024,
  async handler({ user, body, params }) {
    if (body.quizId !== params.quizId) throw new HttpError(400, "quizId does not match the URL.", { quizId: "mismatch" });
    await saveQuizDraft(user, body);
    return { ok: true };
  },
});
