"use client";
import Link from "next/link";
import { useProgress } from "./use-progress";

export function ResumeLink({ titles }: { titles: Record<string, string> }) {
  const { resume } = useProgress(null);
  if (!resume || !titles[`${resume.courseSlug}/${resume.lessonSlug}`]) return null;
  const href = `/courses/${resume.courseSlug}/${resume.lessonSlug}${resume.section ? `#${resume.section}` : ""}`;
  return (
    <Link href={href} data-testid="resume-link" className="rounded-md border border-zinc-400 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-500 dark:hover:bg-zinc-800">
      Continue where you left off: {titles[`${resume.courseSlug}/${resume.lessonSlug}`]}
    </Link>
  );
}
