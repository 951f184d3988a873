// The one component map for lessons: exactly the allowlist in lib/content/components.ts, plus RenderedMath,
// which only the compile pipeline emits (lib/content/rehype-math-html.ts).
import { QuizIsland } from "@/components/quiz/quiz-island";
import type { CompiledLesson } from "@/lib/content/types";
import { Callout } from "./callout";
import { Figure } from "./figure";
import { ConformalSandbox, GeneralisationFigure, GoodhartFigure, PreferenceFigure, ShapeColourFigure, ShiftMonitorFigure } from "./lazy-figures";
import { CiteLink, orderedReferences, ReferenceList } from "./references";
import { RenderedMath } from "./rendered-math";

export function lessonComponents(lesson: CompiledLesson) {
  const references = orderedReferences(lesson.frontmatter.references, lesson.citations);
  const numberOf = new Map(references.map((reference, index) => [reference.id, index + 1]));
  return {
    Callout,
    Figure,
    Cite: ({ id }: { id: string }) => (
      <CiteLink id={id} number={numberOf.get(id) ?? 0} reference={references.find((reference) => reference.id === id)} />
    ),
    References: () => <ReferenceList references={references} />,
    Quiz: ({ id }: { id: string }) => {
      const quiz = lesson.publicQuizzes[id];
      if (!quiz) throw new Error(`lesson ${lesson.slug}: no compiled quiz "${id}"`);
      return <QuizIsland quiz={quiz} courseSlug={lesson.courseSlug} lessonSlug={lesson.slug} />;
    },
    ConformalSandbox: ({ preset }: { preset?: string }) => <ConformalSandbox preset={preset} />,
    GoodhartFigure,
    GeneralisationFigure,
    PreferenceFigure,
    ShiftMonitorFigure,
    ShapeColourFigure,
    RenderedMath,
  };
}
