import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/http/http-error";
import { learnerQuizTurns } from "./learner-quiz-turns";

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe("learnerQuizTurns", () => {
  it("runs one learner's submissions to one quiz one at a time, in arrival order", async () => {
    const inTurn = learnerQuizTurns({ maxWaiting: 32, maxWaitMs: 5_000 });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        inTurn("learner", "quiz", async () => {
          most = Math.max(most, ++running);
          await tick();
          order.push(n);
          running--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets other learners, and the same learner at other quizzes, run at the same time", async () => {
    const inTurn = learnerQuizTurns({ maxWaiting: 32, maxWaitMs: 5_000 });
    let running = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++running);
      await tick();
      running--;
    };
    await Promise.all([inTurn("a", "quiz", work), inTurn("b", "quiz", work), inTurn("a", "other", work)]);
    expect(most).toBe(3);
  });

  it("refuses with 503 and runs nothing when too many wait, or a wait is too long", async () => {
    const crowded = learnerQuizTurns({ maxWaiting: 2, maxWaitMs: 5_000 });
    let ran = 0;
    const slow = () => crowded("a", "q", () => tick(30).then(() => void ran++));
    const outcomes = await Promise.allSettled([slow(), slow(), slow(), slow()]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected"]);
    expect(((outcomes[3] as PromiseRejectedResult).reason as HttpError).status).toBe(503);
    expect(ran).toBe(3);

    const impatient = learnerQuizTurns({ maxWaiting: 32, maxWaitMs: 20 });
    let late = 0;
    const holder = impatient("a", "q", () => tick(80));
    const waiter = impatient("a", "q", () => Promise.resolve(void late++));
    await expect(waiter).rejects.toMatchObject({ status: 503 });
    await holder;
    await tick(10);
    expect(late).toBe(0); // a wait that timed out is not run later either
  });

  it("passes the work's own error through unchanged, and the next turn still runs", async () => {
    const inTurn = learnerQuizTurns({ maxWaiting: 32, maxWaitMs: 5_000 });
    const refused = new HttpError(409, "You have used all your attempts at this quiz.");
    const failing = inTurn("a", "q", () => Promise.reject(refused));
    const next = inTurn("a", "q", () => Promise.resolve("ran"));
    await expect(failing).rejects.toBe(refused);
    await expect(next).resolves.toBe("ran");
  });
});
