import { submitAttempt } from "@/lib/attempts/submit";
import { HttpError, jsonRoute } from "@/lib/http/route";
import { submitAttemptSchema } from "@/lib/quiz/submission";

export const POST = jsonRoute<"student", typeof submitAttemptSchema, { quizId: string }>({
  access: "student",
  body: submitAttemptSchema,
  maxBytes: 32 * 1024,
  async handler({ user, body, params }) {
    if (body.quizId !== params.quizId) throw new HttpError(400, "quizId does not match the URL.", { quizId: "mismatch" });
    const outcome = await submitAttempt(user, body);
    return Response.json(outcome, { status: outcome.status === "created" ? 201 : 200 });
  },
});
