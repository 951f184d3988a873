"use client";
// A course's lessons in the studio: create, rename, reorder, show or hide, edit and download.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { OverlaidLesson } from "@/lib/studio/overlay";
import { lessonApi, studioFetch } from "./studio-api";

const small = "rounded-md border border-zinc-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-zinc-700";

export function CourseLessons({ courseSlug, title, lessons }: { courseSlug: string; title: string; lessons: OverlaidLesson[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      router.refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const move = (index: number, delta: number) => {
    const slugs = lessons.map((lesson) => lesson.slug);
    const [moved] = slugs.splice(index, 1);
    slugs.splice(index + delta, 0, moved!);
    return run(() => studioFetch(`/api/studio/courses/${courseSlug}/order`, "PUT", { slugs }));
  };

  return (
    <section aria-labelledby={`course-${courseSlug}`} className="space-y-3" data-testid={`studio-course-${courseSlug}`}>
      <h2 id={`course-${courseSlug}`} className="text-2xl font-semibold">{title}</h2>
      {error && <p role="alert" className="text-red-700 dark:text-red-400">{error}</p>}
      <ol className="space-y-2">
        {lessons.map((lesson, index) => (
          <li key={lesson.slug} data-testid={`studio-lesson-${lesson.slug}`} className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <span className="w-6 text-zinc-500">{index + 1}.</span>
            {renaming === lesson.slug ? (
              <form
                className="flex gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  const entry = new FormData(event.currentTarget).get("title");
                  const value = typeof entry === "string" ? entry : "";
                  void run(() => studioFetch(lessonApi(courseSlug, lesson.slug), "PATCH", { title: value })).then(() => setRenaming(null));
                }}
              >
                <label className="sr-only" htmlFor={`title-${lesson.slug}`}>New title</label>
                <input id={`title-${lesson.slug}`} name="title" defaultValue={lesson.title} className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
                <button className={small} disabled={busy}>Save title</button>
              </form>
            ) : (
              <Link href={`/studio/${courseSlug}/${lesson.slug}`} className="font-medium hover:underline">{lesson.title}</Link>
            )}
            {lesson.editedInStudio && lesson.fromFile && <span className="rounded bg-violet-100 px-2 py-0.5 text-xs text-violet-900 dark:bg-violet-950 dark:text-violet-200">edited in studio</span>}
            {!lesson.fromFile && <span className="rounded bg-sky-100 px-2 py-0.5 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200">studio lesson</span>}
            {!lesson.visible && <span className="rounded bg-zinc-200 px-2 py-0.5 text-xs dark:bg-zinc-800">hidden from students</span>}
            <span className="ml-auto flex flex-wrap gap-1">
              <button type="button" className={small} disabled={busy || index === 0} onClick={() => move(index, -1)} aria-label={`Move ${lesson.title} up`}>↑</button>
              <button type="button" className={small} disabled={busy || index === lessons.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${lesson.title} down`}>↓</button>
              <button type="button" className={small} disabled={busy} onClick={() => setRenaming(renaming === lesson.slug ? null : lesson.slug)}>Rename</button>
              <button type="button" className={small} disabled={busy} onClick={() => run(() => studioFetch(lessonApi(courseSlug, lesson.slug), "PATCH", { published: !lesson.published }))}>
                {lesson.published ? "Unpublish" : "Publish"}
              </button>
              {lesson.editedInStudio && lesson.fromFile && (
                <button type="button" className={small} disabled={busy} onClick={() => run(() => studioFetch(lessonApi(courseSlug, lesson.slug), "PATCH", { serveFile: true }))}>
                  Serve the file again
                </button>
              )}
              <Link href={`/studio/${courseSlug}/${lesson.slug}`} className={small}>Edit</Link>
              <a href={`${lessonApi(courseSlug, lesson.slug)}/source`} className={small}>Download .mdx</a>
            </span>
          </li>
        ))}
      </ol>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void run(async () => {
            const created = await studioFetch<{ lessonSlug: string }>(`/api/studio/courses/${courseSlug}/lessons`, "POST", { title: form.get("title"), slug: form.get("slug") });
            router.push(`/studio/${courseSlug}/${created.lessonSlug}`);
          });
        }}
      >
        <label className="text-sm">
          New lesson title
          <input name="title" required className="block rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <label className="text-sm">
          Slug
          <input name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" className="block rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <button className="rounded-md bg-accent-600 px-3 py-1.5 text-white disabled:opacity-60" disabled={busy}>Create lesson</button>
      </form>
    </section>
  );
}
