// The shapes the content pipeline produces. CompiledLesson is public; QuizDefinition stays on the server.
import type { PublicQuiz, QuizDefinition } from "../quiz/types";
import type { ContentDiagnostic, SourcePoint } from "./diagnostics";
import type { CourseManifest, LessonFrontmatter } from "./schemas";

/** A ## or ### heading, or a quiz (kind "quiz"), which renders a section with a heading of its own. */
export type TocEntry = { depth: 2 | 3; id: string; text: string; kind?: "quiz" };

/** A stretch of a lesson for search: `id` is the anchor of its heading, null for the text before the first. */
export type SearchSection = { id: string | null; heading: string | null; text: string };

export type CompiledLesson = {
  courseSlug: string;
  slug: string;
  /** sha256 of the lesson source, first 16 hex digits. */
  contentHash: string;
  frontmatter: LessonFrontmatter;
  /** mdx-bundler output for getMDXComponent; every <Quiz> in it is reduced to <Quiz id="…" />. */
  code: string;
  toc: TocEntry[];
  /** Reference ids in order of first citation: <References /> numbers entries in this order. */
  citations: string[];
  publicQuizzes: Record<string, PublicQuiz>;
  searchSections: SearchSection[];
};

export type LessonSummary = {
  slug: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  objectives: string[];
  quizIds: string[];
  contentHash: string;
};

export type CompiledCourse = { manifest: CourseManifest; lessons: LessonSummary[] };

export type LinkReference = SourcePoint & { href: string };
export type PlacedId = SourcePoint & { id: string };

/** What cross-lesson checks need to know about a lesson: ids it defines and links it makes. */
export type LessonFacts = {
  file: string;
  courseSlug: string;
  slug: string;
  anchors: string[];
  links: LinkReference[];
  quizIds: PlacedId[];
  itemIds: PlacedId[];
};

export type LessonCompileResult =
  | { ok: true; lesson: CompiledLesson; quizzes: QuizDefinition[]; facts: LessonFacts; diagnostics: ContentDiagnostic[] }
  | { ok: false; diagnostics: ContentDiagnostic[] };
