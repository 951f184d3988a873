// What the compile worker does (compile-worker.ts runs these; tests call them directly). Plain Node: no
// database, no Next. Previews and publishes both start with the safe-MDX gate (source-limits.ts inside it),
// so nothing unsafe or pathological reaches the parser, let alone esbuild.
import { analysisFailed, analyzeLesson } from "@/lib/content/analyze-lesson";
import { contentHash } from "@/lib/content/compile-cache";
import { createDiagnostic, type ContentDiagnostic } from "@/lib/content/diagnostics";
import type { LessonFacts } from "@/lib/content/types";
import type { QuizDefinition } from "@/lib/quiz/types";
import { sanitizePreviewTree, toPreviewTree } from "./preview-tree";
import type { PreviewLesson } from "./preview-types";
import { checkSafeMdx } from "./safe-mdx";
import { analyzeSourceFacts, checkAgainstCourse, compileStudioSource, hasErrors, studioFileLabel, type LinkContext } from "./studio-compile";
import type { StoredCompilation } from "./studio-data";

export type PreviewTask = { kind: "preview"; source: string; courseSlug: string; lessonSlug: string; salt?: string };
/** `facts` carries where each quiz id is, for the cross-course id check the server runs against the database. */
export type PreviewOutcome = { ok: true; lesson: PreviewLesson; facts: QuizIdFacts; diagnostics: ContentDiagnostic[] } | { ok: false; diagnostics: ContentDiagnostic[] };
type QuizIdFacts = Pick<LessonFacts, "courseSlug" | "slug" | "file" | "quizIds">;

/** Another lesson of the course, for the cross-lesson checks: its stored facts, or its file text to analyse. */
export type OtherLesson = { slug: string; facts: LessonFacts } | { slug: string; source: string };
type PublishTask = {
  kind: "publish";
  source: string;
  courseSlug: string;
  lessonSlug: string;
  salt?: string;
  others: OtherLesson[];
  /** Where links may point outside the course's lessons: its glossary's entry ids, the other courses' pages. */
  links: LinkContext;
};
export type PublishOutcome = { ok: true; compiled: StoredCompilation; diagnostics: ContentDiagnostic[] } | { ok: false; diagnostics: ContentDiagnostic[] };

export type CompileTask = PreviewTask | PublishTask;
export type CompileOutcome = PreviewOutcome | PublishOutcome;

export async function runPreview({ source, courseSlug, lessonSlug, salt }: PreviewTask): Promise<PreviewOutcome> {
  const file = studioFileLabel(lessonSlug);
  const unsafe = checkSafeMdx(source);
  if (unsafe.length > 0) return { ok: false, diagnostics: unsafe.map((problem) => createDiagnostic(file, problem, problem.message)) };
  const analysis = await analyzeLesson({ source, file, courseSlug, expectedSlug: lessonSlug, salt }, { highlight: true });
  if (analysisFailed(analysis) || !analysis.frontmatter || !analysis.collector || !analysis.tree) return { ok: false, diagnostics: analysis.diagnostics };
  // The quiz definitions (with the key) stay here; only the public quizzes leave the worker.
  const lesson: PreviewLesson = {
    courseSlug,
    slug: analysis.frontmatter.slug,
    contentHash: contentHash(source).slice(0, 16),
    frontmatter: analysis.frontmatter,
    toc: analysis.headings.toc,
    citations: analysis.collector.citations,
    publicQuizzes: Object.fromEntries(analysis.collector.quizzes.map((quiz) => [quiz.definition.id, quiz.publicQuiz])),
    tree: sanitizePreviewTree(toPreviewTree(analysis.tree)),
  };
  const facts: QuizIdFacts = { courseSlug, slug: lesson.slug, file, quizIds: analysis.collector.quizzes.map((quiz) => ({ id: quiz.definition.id, ...quiz.at })) };
  return { ok: true, lesson, facts, diagnostics: analysis.diagnostics };
}

async function runPublish(task: PublishTask): Promise<PublishOutcome> {
  const compiled = await compileStudioSource(task.source, task.courseSlug, task.lessonSlug, task.salt);
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  const others: LessonFacts[] = [];
  for (const other of task.others) {
    if (other.slug === task.lessonSlug) continue;
    const file = studioFileLabel(other.slug);
    const facts = "facts" in other ? { ...other.facts, file } : await analyzeSourceFacts(other.source, task.courseSlug, other.slug, file, task.salt);
    if (facts) others.push(facts);
  }
  const courseProblems = checkAgainstCourse(compiled.facts, others, task.links);
  const diagnostics = [...compiled.diagnostics, ...courseProblems];
  if (hasErrors(courseProblems)) return { ok: false, diagnostics };
  const quizzes: QuizDefinition[] = compiled.quizzes;
  return { ok: true, compiled: { lesson: compiled.lesson, quizzes, facts: compiled.facts }, diagnostics };
}

export function runTask(task: CompileTask): Promise<CompileOutcome> {
  return task.kind === "preview" ? runPreview(task) : runPublish(task);
}
