import { getPublicQuiz, getQuizState } from "@/lib/attempts/state";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = jsonRoute<"optional-user", undefined, { quizId: string }>({
  access: "optional-user",
  async handler({ user, params }) {
    if (!user) return { signedIn: false, quiz: await getPublicQuiz(params.quizId) };
    return { signedIn: true, userId: user.id, ...(await getQuizState(user, params.quizId)) };
  },
});
