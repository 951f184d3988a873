"use client";
// A lesson's quiz, whose code loads when the quiz nears the viewport. Reading a lesson needs none of it, and
// a reader who never reaches the quiz never downloads it (the lesson page's first-load JS budget, #14).
//
// The server renders the runner in full, in line with the lesson, so the document shows the quiz (inputs
// disabled until its state loads, as before). In the browser that HTML is kept as it is, not hydrated (the
// StaticHtml technique: the island takes the markup the document already shows), until the quiz comes near
// the viewport (components/ui/watch-near.ts), is pointed at, or the reader uses the keyboard. Then the
// runner's module is imported and the runner mounts in its place: its first render is the same
// loading-state markup, so nothing moves. After a client-side navigation there is no server HTML; the
// runner then loads at once behind a placeholder.
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { PublicQuiz } from "@/lib/quiz/types";
import { watchNear } from "@/components/ui/watch-near";
import type { QuizRunner as QuizRunnerType } from "./quiz-runner";

type Props = { quiz: PublicQuiz; courseSlug: string; lessonSlug: string };

// `typeof window` is a build-time constant: this require exists only in the server bundle, where the runner
// renders synchronously. (Behind a Suspense boundary instead, React would stream a quiz this size out of
// line, after the document's scripts.)
const ServerRunner: typeof QuizRunnerType | null =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- server-only branch, see above
  typeof window === "undefined" ? (require("./quiz-runner") as typeof import("./quiz-runner")).QuizRunner : null;
const BrowserRunner = lazy(() => import("./quiz-runner").then((module) => ({ default: module.QuizRunner })));

function LoadingQuiz() {
  return (
    <p role="status" className="not-prose my-10 rounded-xl border border-dashed border-zinc-300 p-5 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      Loading the quiz…
    </p>
  );
}

function islandSelector(quizId: string) {
  return `[data-quiz-island="${CSS.escape(quizId)}"]`;
}

function BrowserIsland(props: Props) {
  const quizId = props.quiz.id;
  const island = useRef<HTMLDivElement>(null);
  // The markup the document shows for this quiz, when this render hydrates it; null after a client-side navigation.
  const [serverHtml] = useState(() => document.querySelector(islandSelector(quizId))?.innerHTML ?? null);
  const [live, setLive] = useState(serverHtml === null);
  useEffect(() => {
    if (live || !island.current) return;
    // The wrapper is display: contents and has no box of its own to observe; the quiz's section does.
    return watchNear(island.current.firstElementChild ?? island.current, () => setLive(true));
  }, [live]);

  const shown = serverHtml === null ? <LoadingQuiz /> : <div className="contents" dangerouslySetInnerHTML={{ __html: serverHtml }} />;
  if (!live) return <div ref={island} data-quiz-island={quizId} className="contents" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: serverHtml ?? "" }} />;
  return (
    <div ref={island} data-quiz-island={quizId} className="contents">
      <Suspense fallback={shown}>
        <BrowserRunner {...props} />
      </Suspense>
    </div>
  );
}

export function QuizIsland(props: Props) {
  if (!ServerRunner) return <BrowserIsland {...props} />;
  return (
    <div data-quiz-island={props.quiz.id} className="contents">
      <ServerRunner {...props} />
    </div>
  );
}
