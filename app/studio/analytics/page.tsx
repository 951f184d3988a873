import type { Metadata } from "next";
import Link from "next/link";
import { QuizAnalyticsTable } from "@/components/studio/quiz-analytics";
import { requirePageUser } from "@/lib/auth/session";
import { currentStudentIds } from "@/lib/classes/gradebook-data";
import { learnersHiddenFrom } from "@/lib/classes/visibility";
import { requireTaughtClassPage } from "@/lib/classes/page-access";
import { listCourses } from "@/lib/course/catalog";
import { courseAnalytics } from "@/lib/studio/analytics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quiz analytics" };

type Props = { searchParams: Promise<{ course?: string; basis?: string; class?: string }> };

export default async function AnalyticsPage({ searchParams }: Props) {
  const user = await requirePageUser("instructor", "/studio/analytics");
  const query = await searchParams;
  // ?class=<id>: only that class's students, for its instructors (403 for anyone else).
  const taught = typeof query.class === "string" ? (await requireTaughtClassPage(query.class, `/studio/analytics?class=${encodeURIComponent(query.class)}`)).taught : null;
  const courses = await listCourses();
  const wanted = taught?.record.courseSlug ?? query.course;
  const courseSlug = courses.some((course) => course.manifest.slug === wanted) ? wanted! : (courses[0]?.manifest.slug ?? "");
  const basis = query.basis === "all" ? "all" : "first";
  const learners = taught ? { only: await currentStudentIds(taught.record.id) } : { except: await learnersHiddenFrom(user) };
  const analytics = await courseAnalytics(courseSlug, basis, learners);
  const classQuery = taught ? `&class=${taught.record.id}` : "";
  const learnerName = (userId: string) => analytics.learners.get(userId) ?? userId;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm"><Link href="/studio" className="underline">Studio</Link></p>
        <h1 className="text-3xl font-bold">Quiz analytics</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Facility is the mean item score (0 to 1). Discrimination is the correlation between the item score and the score on the rest of the quiz,
          computed from {basis === "first" ? "each learner's first attempt" : "all attempts"} (
          <Link href={`?course=${courseSlug}&basis=${basis === "first" ? "all" : "first"}${classQuery}`} className="underline">use {basis === "first" ? "all attempts" : "first attempts"}</Link>
          ). Items with negative discrimination are flagged: learners who did well elsewhere tended to get them wrong.
        </p>
        {taught && (
          <p data-testid="analytics-class">
            Only the students of <Link href={`/studio/classes/${taught.record.id}`} className="underline">{taught.record.name}</Link> (
            <Link href={`?course=${courseSlug}&basis=${basis}`} className="underline">show every learner</Link>).
          </p>
        )}
        <p>
          <a href={taught ? `/api/classes/${taught.record.id}/gradebook` : `/api/studio/analytics/grades?course=${courseSlug}`} className="rounded-md bg-accent-600 px-3 py-1.5 text-white" download>
            Download grades (CSV)
          </a>
        </p>
      </header>
      {analytics.quizzes.map((quiz) => (
        <QuizAnalyticsTable key={quiz.definition.id} quiz={quiz} learnerName={Object.fromEntries(quiz.progress.map((row) => [row.userId, learnerName(row.userId)]))} />
      ))}
      {analytics.quizzes.length === 0 && <p>No quizzes yet.</p>}
    </div>
  );
}
